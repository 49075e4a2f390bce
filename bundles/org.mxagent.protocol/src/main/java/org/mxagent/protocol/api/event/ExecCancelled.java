package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.impl.Copies;

/** {@code exec.cancelled}: the target stopped the invocation. */
public record ExecCancelled(
        String invocationId,
        String signalSent,
        boolean killedProcessGroup,
        String finishedAt,
        Optional<EventSignature> signature,
        Map<String, JsonNode> extra) implements SignedEvent {

    public ExecCancelled {
        Objects.requireNonNull(invocationId, "invocation_id");
        Objects.requireNonNull(signalSent, "signal_sent");
        Objects.requireNonNull(finishedAt, "finished_at");
        Objects.requireNonNull(signature, "signature");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.EXEC_CANCELLED;
    }
}
