package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.impl.Copies;

/** {@code exec.cancel}: the requester asks to stop an invocation (e.g. reason {@code caller_cancelled}). */
public record ExecCancel(
        String invocationId,
        String reason,
        String createdAt,
        String nonce,
        Optional<EventSignature> signature,
        Map<String, JsonNode> extra) implements SignedEvent {

    public ExecCancel {
        Objects.requireNonNull(invocationId, "invocation_id");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(signature, "signature");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.EXEC_CANCEL;
    }
}
