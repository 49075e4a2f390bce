package org.mxagent.exec.impl.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.Liveness;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.Load;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.SignedEvent;
import org.mxagent.protocol.api.sign.EventSigner;
import org.mxagent.protocol.api.sign.SigningKey;
import org.mxagent.transport.api.RoomEvent;

/** An agent with a real key, and room events as it (or a forger) would send them. */
public final class Peers {
    public static final String ROOM = "!room:test";

    private Peers() {}

    public record Peer(String agentId, String userId, SigningKey key, AgentView view) {
        public ObjectNode sign(SignedEvent event) {
            try {
                return EventSigner.sign(ProtocolCodec.encode(event), key);
            } catch (CanonicalJsonException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The event as this peer's account sends it, signed with its key. */
        public RoomEvent event(SignedEvent event) {
            return Peers.event(userId, event.type(), sign(event));
        }
    }

    public static Peer peer(String agentId, String userId, boolean hosted) {
        SigningKey key = SigningKey.generate();
        AgentState state = new AgentState(agentId, "generic", userId, "DEVICE", key.keyId(), key.publicKeyBase64(),
                "online", List.of(), List.of(), null, new Load(0, 1, Map.of()), 0, 0, Map.of());
        return new Peer(agentId, userId, key, new AgentView(ROOM, state, 0, Liveness.ACTIVE, hosted));
    }

    private static int counter;

    public static synchronized RoomEvent event(String sender, String type, ObjectNode content) {
        ObjectNode raw = content.objectNode();
        raw.put("event_id", "$e" + (++counter));
        raw.put("sender", sender);
        raw.put("type", type);
        raw.put("room_id", ROOM);
        raw.put("origin_server_ts", 1L);
        raw.set("content", content);
        return new RoomEvent(ROOM, "$e" + counter, sender, type, null, 1L, raw);
    }
}
