package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.impl.Checks;
import org.mxagent.protocol.impl.Copies;

/** {@code stream.chunk}: one slice of a stream; {@code sha256} is {@code null} on the empty EOF marker. */
public record StreamChunk(
        String invocationId,
        StreamName stream,
        long seq,
        ChunkEncoding encoding,
        String data,
        boolean eof,
        boolean compressed,
        String sha256,
        String timestamp,
        Optional<EventSignature> signature,
        Map<String, JsonNode> extra) implements SignedEvent {

    public StreamChunk {
        Objects.requireNonNull(invocationId, "invocation_id");
        Objects.requireNonNull(stream, "stream");
        Checks.range(seq, 0, Long.MAX_VALUE, "seq");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(signature, "signature");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.STREAM_CHUNK;
    }
}
