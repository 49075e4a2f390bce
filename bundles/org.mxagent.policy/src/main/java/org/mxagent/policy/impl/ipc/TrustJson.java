package org.mxagent.policy.impl.ipc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.mxagent.policy.api.TrustEntry;
import org.mxagent.protocol.api.ProtocolJson;

/** The JSON shapes of the {@code trust.*} IPC results, in one place. */
final class TrustJson {
    private TrustJson() {}

    /**
     * {@code {agent_id, key_id, fingerprint, status, local, room, trusted_by, created_at, revoked_at}}: times in
     * Unix seconds as in trust.json; {@code room} and {@code revoked_at} are null when absent.
     */
    static ObjectNode entry(TrustEntry entry) {
        ObjectNode json = ProtocolJson.newObject().put("agent_id", entry.agentId()).put("key_id", entry.keyId())
                .put("fingerprint", entry.fingerprint()).put("status", entry.status().wire())
                .put("local", entry.isLocal());
        json.put("room", entry.room().orElse(null));
        json.put("trusted_by", entry.trustedBy()).put("created_at", entry.createdAt());
        if (entry.revokedAt().isPresent()) {
            json.put("revoked_at", entry.revokedAt().getAsLong());
        } else {
            json.putNull("revoked_at");
        }
        return json;
    }

    static ArrayNode entries(List<TrustEntry> entries) {
        ArrayNode array = ProtocolJson.nodes().arrayNode();
        entries.forEach(entry -> array.add(entry(entry)));
        return array;
    }
}
