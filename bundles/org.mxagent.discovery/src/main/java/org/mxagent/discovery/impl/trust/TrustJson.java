package org.mxagent.discovery.impl.trust;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.TrustState;

/** The JSON shapes of {@code trust.publish} and {@code trust.state}. */
public final class TrustJson {
    private TrustJson() {}

    public static ObjectNode published(RoomTrust.Published published) {
        ObjectNode json = ProtocolJson.newObject().put("room_id", published.roomId());
        ArrayNode entries = json.putArray("published");
        for (TrustState state : published.entries()) {
            entries.add(ProtocolCodec.encode(state).put("state_key", state.stateKey()));
        }
        return json;
    }

    public static ObjectNode advice(RoomTrust.Advice advice) {
        ObjectNode json = ProtocolJson.newObject().put("room_id", advice.roomId()).put("advisory", true);
        ArrayNode entries = json.putArray("entries");
        for (RoomTrustEntry entry : advice.entries()) {
            entries.add(ProtocolCodec.encode(entry.state()).put("state_key", entry.state().stateKey())
                    .put("sender", entry.sender()).put("local", entry.local()));
        }
        ArrayNode refused = json.putArray("refused");
        for (RoomTrustEntry.Refused entry : advice.refused()) {
            refused.addObject().put("state_key", entry.stateKey()).put("sender", entry.sender())
                    .put("reason", entry.reason());
        }
        return json;
    }
}
