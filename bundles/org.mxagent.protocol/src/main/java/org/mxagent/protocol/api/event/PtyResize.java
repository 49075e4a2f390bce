package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.impl.Checks;
import org.mxagent.protocol.impl.Copies;

/** {@code pty.resize}: new terminal size; pixel sizes default to 0 when absent. */
public record PtyResize(
        String invocationId,
        int rows,
        int cols,
        int pixelWidth,
        int pixelHeight,
        String createdAt,
        String nonce,
        Optional<EventSignature> signature,
        Map<String, JsonNode> extra) implements SignedEvent {

    public PtyResize {
        Objects.requireNonNull(invocationId, "invocation_id");
        Checks.range(rows, 0, 65535, "rows");
        Checks.range(cols, 0, 65535, "cols");
        Checks.range(pixelWidth, 0, 65535, "pixel_width");
        Checks.range(pixelHeight, 0, 65535, "pixel_height");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(signature, "signature");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.PTY_RESIZE;
    }
}
