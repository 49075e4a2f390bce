package org.mxagent.context.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.mxagent.protocol.api.event.ContextShare;

/**
 * A share ready to send: inline ({@code data} + {@code encoding}), or media whose compressed bytes
 * ({@code upload}) must be uploaded first; {@link #share} then builds the event with the {@code mxc://} URI.
 * {@code mimeType} is as published ({@code +zstd} for media); size and hash are of the raw content.
 */
record PreparedShare(String contextId, String name, String mimeType, long sizeBytes, String sha256, String data,
        String encoding, byte[] upload) {

    boolean isInline() {
        return data != null;
    }

    ContextShare inlineShare() {
        return new ContextShare(contextId, name, mimeType, sizeBytes, sha256, Optional.of(data),
                Optional.of(encoding), Optional.empty(), Optional.empty(), Map.of());
    }

    /** The share of uploaded media; {@code encryptedFile} (its key) only in an end-to-end encrypted room. */
    ContextShare mediaShare(String mxcUri, Optional<JsonNode> encryptedFile) {
        return new ContextShare(contextId, name, mimeType, sizeBytes, sha256, Optional.empty(), Optional.empty(),
                Optional.of(mxcUri), encryptedFile, Map.of());
    }
}
