package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.impl.Checks;
import org.mxagent.protocol.impl.Copies;

/**
 * {@code context.share}: a shared document, inline ({@code data} + {@code encoding}) or in media ({@code mxc_uri},
 * optionally {@code encrypted_file}); exactly one of the two forms.
 */
public record ContextShare(
        String contextId,
        String name,
        String mimeType,
        long sizeBytes,
        String sha256,
        Optional<String> data,
        Optional<String> encoding,
        Optional<String> mxcUri,
        Optional<JsonNode> encryptedFile,
        Map<String, JsonNode> extra) implements ProtocolEvent {

    public ContextShare {
        Objects.requireNonNull(contextId, "context_id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimeType, "mime_type");
        Checks.range(sizeBytes, 0, Long.MAX_VALUE, "size_bytes");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(mxcUri, "mxc_uri");
        Objects.requireNonNull(encryptedFile, "encrypted_file");
        extra = Copies.extra(extra);
        if (data.isPresent() == mxcUri.isPresent()) {
            throw new IllegalArgumentException("context.share needs exactly one of data (inline) or mxc_uri (media)");
        }
        if (data.isPresent() != encoding.isPresent()) {
            throw new IllegalArgumentException(
                    "context.share inline data needs an encoding, and only inline data has one");
        }
        if (encryptedFile.isPresent() && mxcUri.isEmpty()) {
            throw new IllegalArgumentException("context.share encrypted_file only goes with mxc_uri");
        }
    }

    @Override
    public String type() {
        return EventTypes.CONTEXT_SHARE;
    }

    /** True if the document is inline ({@code data} + {@code encoding}) rather than in media. */
    public boolean isInline() {
        return data.isPresent();
    }
}
