package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.impl.Copies;

/**
 * {@code call.request}: invoke {@code tool} ({@code name} or {@code name@version}) with JSON {@code args}.
 * {@code requesting_agent}/{@code target_agent} are omitted when absent.
 */
public record CallRequest(
        String invocationId,
        String requestId,
        String tool,
        JsonNode args,
        String createdAt,
        String expiresAt,
        String nonce,
        Optional<EventSignature> signature,
        Optional<String> requestingAgent,
        Optional<String> targetAgent,
        Map<String, JsonNode> extra) implements SignedEvent {

    public CallRequest {
        Objects.requireNonNull(invocationId, "invocation_id");
        Objects.requireNonNull(requestId, "request_id");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(expiresAt, "expires_at");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(requestingAgent, "requesting_agent");
        Objects.requireNonNull(targetAgent, "target_agent");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.CALL_REQUEST;
    }
}
