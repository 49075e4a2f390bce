package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.impl.Copies;

/** {@code exec.accepted}: the target took the request. */
public record ExecAccepted(
        String invocationId,
        Optional<EventSignature> signature,
        Map<String, JsonNode> extra) implements SignedEvent {

    public ExecAccepted {
        Objects.requireNonNull(invocationId, "invocation_id");
        Objects.requireNonNull(signature, "signature");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.EXEC_ACCEPTED;
    }

    /** An unsigned acceptance with no extra members. */
    public ExecAccepted(String invocationId) {
        this(invocationId, Optional.empty(), Map.of());
    }
}
