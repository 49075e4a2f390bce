package org.mxagent.discovery.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mxagent.discovery.api.AgentTools;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.Liveness;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.Load;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.ToolState;
import org.mxagent.transport.api.RoomEvent;

class ToolCatalogReaderTest {
    private final List<RoomEvent> state = new ArrayList<>();

    private static AgentView agent(String user, List<String> tools) {
        return agent("agt_01HZY3M6W8K9Q2R4T5V7X9Z1BB", user, tools);
    }

    private static AgentView agent(String id, String user, List<String> tools) {
        AgentState state = new AgentState(id, "generic", user, "DEV", "kid", "pk",
                "online", List.of(), tools, null, Load.DEFAULT, 1, 0, Map.of());
        return new AgentView("!r", state, 1, Liveness.ACTIVE, false);
    }

    private void tool(String sender, String key, ToolState tool) {
        add(sender, key, ProtocolCodec.encode(tool));
    }

    private void add(String sender, String key, ObjectNode content) {
        ObjectNode raw = ProtocolJson.newObject().put("type", EventTypes.TOOL).put("sender", sender)
                .put("state_key", key).put("event_id", "$" + state.size());
        raw.set("content", content);
        state.add(new RoomEvent("!r", "$" + state.size(), sender, EventTypes.TOOL, key, 1, raw));
    }

    private static ToolState fmt(String version, String description) throws Exception {
        return new ToolState("fmt", version, description, ProtocolJson.parse("{\"type\":\"object\"}"),
                ProtocolJson.parse("{}"), Map.of());
    }

    @Test
    void eachAdvertisedToolWithTheDescriptionItsOwnAccountPublished() throws Exception {
        tool("@bob:x", "fmt@1.0", fmt("1.0", "format"));
        tool("@eve:x", "lint@2", new ToolState("lint", "2", "forged", ProtocolJson.parse("{}"),
                ProtocolJson.parse("{}"), Map.of()));
        AgentView bob = agent("@bob:x", List.of("fmt@1.0", "lint@2"));
        AgentTools tools = new ToolCatalogReader(state).toolsOf(bob, List.of(bob));

        assertEquals(2, tools.tools().size());
        assertEquals("format", tools.tools().get(0).published().orElseThrow().description());
        assertEquals("@bob:x", tools.tools().get(0).publishedBy());
        assertEquals("fmt", tools.tools().get(0).name());
        assertEquals("1.0", tools.tools().get(0).version());
        assertTrue(tools.tools().get(1).published().isEmpty(), "written by another account: not the agent's word");
    }

    @Test
    void removedMismatchedAndMalformedStatesDescribeNothing() throws Exception {
        add("@bob:x", "fmt@1.0", ProtocolJson.newObject());
        tool("@bob:x", "fmt@2.0", fmt("1.0", "key says 2.0, content 1.0"));
        add("@bob:x", "fmt@3.0", ProtocolJson.parseObject("{\"name\":\"fmt\"}"));
        AgentView bob = agent("@bob:x", List.of("fmt@1.0", "fmt@2.0", "fmt@3.0"));
        AgentTools tools = new ToolCatalogReader(state).toolsOf(bob, List.of(bob));
        assertTrue(tools.tools().stream().allMatch(offer -> offer.published().isEmpty()), tools.toString());
    }

    @Test
    void aPeerAgentOfferingTheSameToolMayHaveWrittenTheSharedKey() throws Exception {
        tool("@alice:x", "fmt@1.0", fmt("1.0", "format"));
        AgentView bob = agent("@bob:x", List.of("fmt@1.0"));
        AgentView alice = agent("agt_01HZY3M6W8K9Q2R4T5V7X9Z1AA", "@alice:x", List.of("fmt@1.0"));
        AgentView carol = agent("agt_01HZY3M6W8K9Q2R4T5V7X9Z1CC", "@alice:x", List.of());
        assertEquals("@alice:x", new ToolCatalogReader(state).toolsOf(bob, List.of(bob, alice)).tools().get(0)
                .publishedBy());
        assertTrue(new ToolCatalogReader(state).toolsOf(bob, List.of(bob, carol)).tools().get(0).published()
                .isEmpty(), "alice's account hosts no agent offering fmt@1.0");
    }
}
