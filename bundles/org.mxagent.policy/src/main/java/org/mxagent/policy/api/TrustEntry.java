package org.mxagent.policy.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of trust.json.
 *
 * @param keyId       {@code mxagent-ed25519:<B>}
 * @param fingerprint {@code SHA256:<B>}, derived from the key id
 * @param room        empty for a local (operator) record; the granting room for a recorded room grant
 * @param createdAt   Unix seconds
 * @param revokedAt   Unix seconds, present when revoked
 */
public record TrustEntry(
        String agentId,
        String keyId,
        String fingerprint,
        TrustStatus status,
        Optional<String> room,
        String trustedBy,
        long createdAt,
        OptionalLong revokedAt) {

    public TrustEntry {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(trustedBy, "trustedBy");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** True for an operator's own record, which outranks every room grant. */
    public boolean isLocal() {
        return room.isEmpty();
    }
}
