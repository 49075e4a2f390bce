package org.mxagent.policy.impl;

import org.mxagent.protocol.api.event.RejectReason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mxagent.policy.api.CallRequestFacts;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.Rules;

class CallEvaluatorTest {
    private final CallEvaluator evaluator = new CallEvaluator(Policies.parse("""
            [rooms."!r:x"]
            trusted = true
            [rooms."!r:x".agents."@a:x"]
            allow_tools = ["search", "fmt@1.2.0"]
            max_runtime_ms = 30000
            [rooms."!lobby:x".agents."@a:x"]
            allow_tools = ["search"]
            """));

    @ParameterizedTest
    @ValueSource(strings = {"search", "search@1.0.0", "search@2", "fmt@1.2.0"})
    void listedToolsAreAllowed(String tool) {
        Decision decision = evaluator.evaluate(call("!r:x", "@a:x", tool));
        Decision.Allowed allowed = assertInstanceOf(Decision.Allowed.class, decision);
        assertEquals(Rules.ALLOW_TOOLS, allowed.rule());
        assertEquals(30_000, allowed.allowance().timeoutMs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fmt", "fmt@1.3.0", "fmt@1.2", "searcher", "search@", "@1.0", "search@1@2", "shell"})
    void otherToolsAndOtherVersionsAreDenied(String tool) {
        assertDenied(Rules.TOOL_NOT_ALLOWED, evaluator.evaluate(call("!r:x", "@a:x", tool)));
    }

    @Test
    void unknownRoomIsDenied() {
        assertDenied(Rules.ROOM_UNKNOWN, evaluator.evaluate(call("!other:x", "@a:x", "search")));
    }

    @Test
    void unknownRequesterIsDenied() {
        assertDenied(Rules.AGENT_UNKNOWN, evaluator.evaluate(call("!r:x", "@b:x", "search")));
    }

    @Test
    void untrustedRoomIsDenied() {
        assertDenied(Rules.ROOM_UNTRUSTED, evaluator.evaluate(call("!lobby:x", "@a:x", "search")));
    }

    private static CallRequestFacts call(String room, String user, String tool) {
        return new CallRequestFacts(room, user, tool, OptionalLong.empty());
    }

    private static void assertDenied(String rule, Decision decision) {
        Decision.Denied denied = assertInstanceOf(Decision.Denied.class, decision);
        assertEquals(RejectReason.POLICY_DENIED, denied.reason());
        assertEquals(rule, denied.rule());
    }
}
