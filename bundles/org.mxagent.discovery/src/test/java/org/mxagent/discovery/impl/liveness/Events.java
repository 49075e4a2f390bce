package org.mxagent.discovery.impl.liveness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.Heartbeat;
import org.mxagent.protocol.api.event.Load;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.sign.SigningKey;
import org.mxagent.transport.api.RoomEvent;

/** Room events as the transport would deliver them, for liveness tests. */
final class Events {
    static final String ROOM = "!room";
    private static int counter;

    private Events() {}

    static AgentState agent(String agentId, String userId, SigningKey key, long lastSeen, String status) {
        return new AgentState(agentId, "generic", userId, "DEVICE", key.keyId(), key.publicKeyBase64(), status,
                java.util.List.of("shell"), java.util.List.of(), null, Load.DEFAULT, lastSeen, 0, Map.of());
    }

    /** An agent that advertises {@code extra} (e.g. {@code heartbeat_interval_ms}) as additive members. */
    static AgentState agent(String agentId, String userId, SigningKey key, long lastSeen, String status,
            Map<String, JsonNode> extra) {
        return new AgentState(agentId, "generic", userId, "DEVICE", key.keyId(), key.publicKeyBase64(), status,
                java.util.List.of("shell"), java.util.List.of(), null, Load.DEFAULT, lastSeen, 0, extra);
    }

    static AgentState agentEvery(String agentId, String userId, SigningKey key, long lastSeen, long intervalMillis) {
        return agent(agentId, userId, key, lastSeen, "online",
                Map.of(HeartbeatInterval.FIELD, ProtocolJson.nodes().numberNode(intervalMillis)));
    }

    static RoomEvent state(String sender, AgentState state, long originServerTs) {
        return state(sender, state.agentId(), ProtocolCodec.encode(state), originServerTs);
    }

    static RoomEvent state(String sender, String stateKey, ObjectNode content, long originServerTs) {
        return event(sender, EventTypes.AGENT, stateKey, content, originServerTs);
    }

    static RoomEvent heartbeat(String sender, String agentId, long ts, long originServerTs) {
        ObjectNode content = ProtocolCodec.encode(new Heartbeat(agentId, "online", Load.DEFAULT, ts, Map.of()));
        return event(sender, EventTypes.HEARTBEAT, null, content, originServerTs);
    }

    static RoomEvent event(String sender, String type, String stateKey, ObjectNode content, long originServerTs) {
        ObjectNode raw = ProtocolJson.newObject();
        String eventId = "$e" + (++counter);
        raw.put("event_id", eventId).put("sender", sender).put("type", type)
                .put("origin_server_ts", originServerTs);
        if (stateKey != null) {
            raw.put("state_key", stateKey);
        }
        raw.set("content", content);
        return new RoomEvent(ROOM, eventId, sender, type, stateKey, originServerTs, raw);
    }
}
