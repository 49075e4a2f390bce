package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.impl.Checks;
import org.mxagent.protocol.impl.Copies;

/**
 * {@code stream.artifact}: a full stream log offloaded to Matrix media; {@code encrypted_file} is omitted outside E2EE
 * rooms.
 */
public record StreamArtifact(
        String invocationId,
        StreamName stream,
        String name,
        String mimeType,
        long sizeBytes,
        String sha256,
        String mxcUri,
        String tailPreview,
        Optional<JsonNode> encryptedFile,
        Optional<EventSignature> signature,
        Map<String, JsonNode> extra) implements SignedEvent {

    public StreamArtifact {
        Objects.requireNonNull(invocationId, "invocation_id");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimeType, "mime_type");
        Checks.range(sizeBytes, 0, Long.MAX_VALUE, "size_bytes");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mxcUri, "mxc_uri");
        Objects.requireNonNull(tailPreview, "tail_preview");
        Objects.requireNonNull(encryptedFile, "encrypted_file");
        Objects.requireNonNull(signature, "signature");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.STREAM_ARTIFACT;
    }
}
