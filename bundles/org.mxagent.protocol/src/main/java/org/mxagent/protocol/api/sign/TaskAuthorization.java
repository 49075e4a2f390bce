package org.mxagent.protocol.api.sign;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.Nonces;
import org.mxagent.protocol.api.Timestamps;

/**
 * {@code task.v1.action.authorization}: who may run the action on whom, until when, with a nonce and a detached
 * signature (see {@link TaskActionSigner}). Unknown members are kept in {@code extra} but are not signed: the signed
 * authorization object has exactly the five fields below.
 */
public record TaskAuthorization(String requestingAgent, String targetAgent, String createdAt, String expiresAt,
        String nonce, Optional<EventSignature> signature, Map<String, JsonNode> extra) {

    public TaskAuthorization {
        Objects.requireNonNull(requestingAgent, "requesting_agent");
        Objects.requireNonNull(targetAgent, "target_agent");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(expiresAt, "expires_at");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(signature, "signature");
        extra = Map.copyOf(extra);
    }

    /** Unsigned terms created now, expiring after {@code ttl}, with a fresh nonce. */
    public static TaskAuthorization issue(String requestingAgent, String targetAgent, Instant now, Duration ttl) {
        return new TaskAuthorization(requestingAgent, targetAgent, Timestamps.seconds(now),
                Timestamps.seconds(now.plus(ttl)), Nonces.newNonce(), Optional.empty(), Map.of());
    }

    /** The same terms carrying {@code signature}. */
    public TaskAuthorization withSignature(EventSignature newSignature) {
        return new TaskAuthorization(requestingAgent, targetAgent, createdAt, expiresAt, nonce,
                Optional.of(newSignature), extra);
    }
}
