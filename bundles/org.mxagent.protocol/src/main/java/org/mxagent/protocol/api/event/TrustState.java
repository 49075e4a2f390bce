package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import org.mxagent.protocol.impl.Checks;
import org.mxagent.protocol.impl.Copies;

/** {@code trust.v1} state (key = {@code <agent_id>|<key_id>}); times are Unix seconds. */
public record TrustState(
        String agentId,
        String keyId,
        String fingerprint,
        TrustStatus status,
        String trustedBy,
        long createdAt,
        Long expiresAt,
        Long revokedAt,
        Map<String, JsonNode> extra) implements StateEvent {

    public TrustState {
        Objects.requireNonNull(agentId, "agent_id");
        Objects.requireNonNull(keyId, "key_id");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(trustedBy, "trusted_by");
        Checks.range(createdAt, 0, Long.MAX_VALUE, "created_at");
        if (expiresAt != null) {
            Checks.range(expiresAt, 0, Long.MAX_VALUE, "expires_at");
        }
        if (revokedAt != null) {
            Checks.range(revokedAt, 0, Long.MAX_VALUE, "revoked_at");
        }
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.TRUST;
    }

    /** {@code <agent_id>|<key_id>}. */
    @Override
    public String stateKey() {
        return agentId + "|" + keyId;
    }
}
