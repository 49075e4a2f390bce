package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.impl.Copies;

/** {@code exec.rejected}: refused, with a stable reason code (kept as sent; see {@link #reasonCode()}). */
public record ExecRejected(
        String invocationId,
        String reason,
        Optional<EventSignature> signature,
        Map<String, JsonNode> extra) implements SignedEvent {

    public ExecRejected {
        Objects.requireNonNull(invocationId, "invocation_id");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(signature, "signature");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.EXEC_REJECTED;
    }

    /** An unsigned rejection with a stable reason code and no extra members. */
    public ExecRejected(String invocationId, RejectReason reason) {
        this(invocationId, reason.wire(), Optional.empty(), Map.of());
    }

    /** The reason as a known code, or empty if the peer sent a code this version does not know. */
    public Optional<RejectReason> reasonCode() {
        return RejectReason.fromWire(reason);
    }
}
