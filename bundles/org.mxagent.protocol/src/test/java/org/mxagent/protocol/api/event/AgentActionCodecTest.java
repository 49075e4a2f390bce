package org.mxagent.protocol.api.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.Vectors;
import org.mxagent.protocol.api.ProtocolJson;

/** The additive {@code {"type":"agent",…}} task action: decoded, defaulted, re-encoded as received. */
class AgentActionCodecTest {

    private static ObjectNode task(ObjectNode action) {
        ObjectNode task = ((ObjectNode) Vectors.load("event-samples.json").get("samples").get(EventTypes.TASK)).deepCopy();
        task.set("action", action);
        return task;
    }

    @Test
    void agentActionRoundTrips() throws Exception {
        ObjectNode action = ProtocolJson.newObject();
        action.put("type", "agent");
        action.put("adapter", "claude");
        action.put("prompt", "Explain the build");
        action.put("cwd", "/work/repo");
        action.put("model", "claude-sonnet-4-5");
        action.putArray("allowed_tools").add("Read");
        action.put("timeout_ms", 60_000);
        action.put("x_future", "kept");

        TaskState decoded = ProtocolCodec.decode(TaskState.class, task(action));

        AgentAction agent = assertInstanceOf(AgentAction.class, decoded.action().orElseThrow());
        assertEquals("agent", agent.type());
        assertEquals("claude", agent.adapter());
        assertEquals("Explain the build", agent.prompt());
        assertEquals("/work/repo", agent.cwd());
        assertEquals("claude-sonnet-4-5", agent.model());
        assertEquals(List.of("Read"), agent.allowedTools());
        assertEquals(60_000L, agent.timeoutMs());
        assertEquals(action.toString(), ProtocolCodec.encode(decoded).get("action").toString());
    }

    @Test
    void optionalMembersDefaultAndAreWrittenAsNull() throws Exception {
        ObjectNode action = ProtocolJson.newObject();
        action.put("type", "agent");
        action.put("adapter", "shell");
        action.put("prompt", "true");

        TaskState decoded = ProtocolCodec.decode(TaskState.class, task(action));
        AgentAction agent = (AgentAction) decoded.action().orElseThrow();

        assertNull(agent.cwd());
        assertNull(agent.model());
        assertNull(agent.timeoutMs());
        assertTrue(agent.allowedTools().isEmpty());
        ObjectNode written = (ObjectNode) ProtocolCodec.encode(decoded).get("action");
        assertTrue(written.get("model").isNull() && written.get("timeout_ms").isNull(), written.toString());
    }

    @Test
    void anAgentActionWithoutAdapterIsMalformed() {
        ObjectNode action = ProtocolJson.newObject();
        action.put("type", "agent");
        action.put("prompt", "hi");
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> ProtocolCodec.decode(TaskState.class, task(action)));
        assertTrue(e.getMessage().contains("adapter"), e.getMessage());
    }
}
