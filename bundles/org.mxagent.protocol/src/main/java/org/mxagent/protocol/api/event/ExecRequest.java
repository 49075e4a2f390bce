package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.impl.Checks;
import org.mxagent.protocol.impl.Copies;

/** {@code exec.request}: run {@code command} on {@code target_agent}. Verified over the raw received JSON. */
public record ExecRequest(
        String invocationId,
        String requestId,
        String targetAgent,
        String requestingAgent,
        List<String> command,
        String cwd,
        Map<String, String> env,
        boolean stdin,
        boolean stream,
        boolean pty,
        long timeoutMs,
        String taskId,
        String createdAt,
        String expiresAt,
        String nonce,
        String idempotencyKey,
        Optional<EventSignature> signature,
        Map<String, JsonNode> extra) implements SignedEvent {

    public ExecRequest {
        Objects.requireNonNull(invocationId, "invocation_id");
        Objects.requireNonNull(requestId, "request_id");
        Objects.requireNonNull(targetAgent, "target_agent");
        Objects.requireNonNull(requestingAgent, "requesting_agent");
        command = Copies.list(command, "command");
        Objects.requireNonNull(cwd, "cwd");
        env = Copies.map(env, "env");
        Checks.range(timeoutMs, 0, Long.MAX_VALUE, "timeout_ms");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(expiresAt, "expires_at");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(idempotencyKey, "idempotency_key");
        Objects.requireNonNull(signature, "signature");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.EXEC_REQUEST;
    }

    /** The only idempotency key a request for {@code invocationId} may carry: {@code exec:<invocation_id>}. */
    public static String idempotencyKeyFor(String invocationId) {
        return "exec:" + invocationId;
    }

    /** False means the target must reject the request with {@code malformed_request}. */
    public boolean hasValidIdempotencyKey() {
        return idempotencyKey.equals(idempotencyKeyFor(invocationId));
    }
}
