package org.mxagent.daemon.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mxagent.daemon.api.IpcMethod;

class MethodRegistryTest {
    private final MethodRegistry registry = new MethodRegistry();

    @Test
    void findsByTheMethodProperty() {
        IpcMethod echo = (params, call) -> params;
        assertTrue(registry.add(echo, Map.of(IpcMethod.METHOD, "test.echo", "service.id", 1L)));
        assertSame(echo, registry.find("test.echo").orElseThrow());
        assertEquals(Set.of("test.echo"), registry.names());
    }

    @Test
    void ignoresAServiceWithoutAName() {
        assertFalse(registry.add((params, call) -> params, Map.of("service.id", 1L)));
        assertTrue(registry.names().isEmpty());
    }

    @Test
    void higherRankingWinsAndTheOtherTakesOverWhenItGoes() {
        IpcMethod older = (params, call) -> TextNode.valueOf("older");
        IpcMethod ranked = (params, call) -> TextNode.valueOf("ranked");
        Map<String, Object> olderProps = Map.of(IpcMethod.METHOD, "m", "service.id", 1L);
        Map<String, Object> rankedProps = Map.of(IpcMethod.METHOD, "m", "service.id", 2L, "service.ranking", 10);
        registry.add(older, olderProps);
        registry.add(ranked, rankedProps);
        assertSame(ranked, registry.find("m").orElseThrow());

        registry.remove(ranked, rankedProps);
        assertSame(older, registry.find("m").orElseThrow());
        registry.remove(older, olderProps);
        assertTrue(registry.find("m").isEmpty());
    }

    @Test
    void atEqualRankingTheOlderServiceWins() {
        IpcMethod older = (params, call) -> TextNode.valueOf("older");
        IpcMethod newer = (params, call) -> TextNode.valueOf("newer");
        registry.add(newer, Map.of(IpcMethod.METHOD, "m", "service.id", 7L));
        registry.add(older, Map.of(IpcMethod.METHOD, "m", "service.id", 3L));
        assertSame(older, registry.find("m").orElseThrow());
    }
}
