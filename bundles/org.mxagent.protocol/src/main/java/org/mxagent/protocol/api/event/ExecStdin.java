package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.impl.Copies;

/** {@code exec.stdin}: input for a live invocation; {@code data} is base64 of the raw bytes. */
public record ExecStdin(
        String invocationId,
        String data,
        boolean eof,
        String createdAt,
        String nonce,
        Optional<EventSignature> signature,
        Map<String, JsonNode> extra) implements SignedEvent {

    public ExecStdin {
        Objects.requireNonNull(invocationId, "invocation_id");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(signature, "signature");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.EXEC_STDIN;
    }
}
