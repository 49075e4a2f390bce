package org.mxagent.discovery.impl.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.mxagent.discovery.api.AgentSpec;
import org.mxagent.discovery.impl.liveness.HeartbeatInterval;
import org.mxagent.protocol.api.ProtocolJson;

/**
 * A registration as kept in {@code agents.json} and turned into a factory configuration. Files written before
 * the heartbeat period was stored read as the protocol's 30 s.
 */
record StoredAgent(String agentId, String roomId, String kind, List<String> capabilities, List<String> tools,
        String cwd, String projectId, int maxInvocations, long heartbeatIntervalMillis) {

    StoredAgent {
        capabilities = List.copyOf(capabilities);
        tools = List.copyOf(tools);
    }

    /** {@code heartbeatIntervalMillis} already resolved (the spec's 0 means "keep" or "default"). */
    static StoredAgent of(String agentId, String roomId, AgentSpec spec, long heartbeatIntervalMillis) {
        return new StoredAgent(agentId, roomId, spec.kind(), spec.capabilities(), spec.tools(), spec.cwd(),
                spec.projectId(), spec.maxInvocations(), heartbeatIntervalMillis);
    }

    /** The factory configuration's properties: {@link AgentConfig}'s names ({@code agent_id()} is "agent.id"). */
    Dictionary<String, Object> properties() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(AgentConfig.AGENT_ID, agentId);
        properties.put("room", roomId);
        properties.put("kind", kind);
        properties.put("capabilities", capabilities.toArray(String[]::new));
        properties.put("tools", tools.toArray(String[]::new));
        properties.put("cwd", cwd);
        properties.put("project.id", projectId);
        properties.put("max.invocations", maxInvocations);
        properties.put("heartbeat.interval.ms", heartbeatIntervalMillis);
        return properties;
    }

    ObjectNode toJson() {
        ObjectNode json = ProtocolJson.newObject();
        json.put("agent_id", agentId);
        json.put("room_id", roomId);
        json.put("kind", kind);
        capabilities.forEach(json.putArray("capabilities")::add);
        tools.forEach(json.putArray("tools")::add);
        json.put("cwd", cwd);
        json.put("project_id", projectId);
        json.put("max_invocations", maxInvocations);
        json.put(HeartbeatInterval.FIELD, heartbeatIntervalMillis);
        return json;
    }

    static StoredAgent fromJson(JsonNode json) {
        String agentId = json.path("agent_id").asText("");
        String roomId = json.path("room_id").asText("");
        if (agentId.isEmpty() || roomId.isEmpty()) {
            throw new IllegalArgumentException("registration without agent_id or room_id: " + json);
        }
        return new StoredAgent(agentId, roomId, json.path("kind").asText("generic"), strings(json.path("capabilities")),
                strings(json.path("tools")), json.path("cwd").asText(""), json.path("project_id").asText(""),
                Math.max(1, json.path("max_invocations").asInt(1)),
                json.path(HeartbeatInterval.FIELD).asLong(HeartbeatInterval.PROTOCOL_MILLIS));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
