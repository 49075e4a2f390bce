package org.mxagent.policy.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class KeyLineLocatorTest {
    private final KeyLineLocator locator = new KeyLineLocator("""
            # comment
            [execution]
            network = "deny"
            text = \"\"\"
            max_runtime_ms = 1
            \"\"\"

            [rooms.'!r:x'.agents."@a:x"]
            allow_exec = true
            "max_runtime_ms" = 5
            limits.max_processes = 3
            inline = { sandbox = "none" }
            [rooms."!e\\u0073c:x"]
            trusted = true
            """);

    @Test
    void findsKeysBelowHeadersWithAnyQuoting() {
        assertEquals(OptionalInt.of(3), locator.lineOf(List.of("execution", "network")));
        assertEquals(OptionalInt.of(10), locator.lineOf(List.of("rooms", "!r:x", "agents", "@a:x", "max_runtime_ms")));
    }

    @Test
    void findsTablesByTheirFirstHeaderOrDottedKey() {
        assertEquals(OptionalInt.of(8), locator.lineOf(List.of("rooms", "!r:x")));
        assertEquals(OptionalInt.of(11), locator.lineOf(List.of("rooms", "!r:x", "agents", "@a:x", "limits")));
        assertEquals(OptionalInt.of(13), locator.lineOf(List.of("rooms", "!esc:x")));
    }

    @Test
    void keysInsideInlineTablesPointAtTheirLine() {
        assertEquals(OptionalInt.of(12),
                locator.lineOf(List.of("rooms", "!r:x", "agents", "@a:x", "inline", "sandbox")));
    }

    @Test
    void multiLineStringContentIsNotMistakenForKeys() {
        assertEquals(OptionalInt.empty(), locator.lineOf(List.of("execution", "max_runtime_ms")));
    }
}
