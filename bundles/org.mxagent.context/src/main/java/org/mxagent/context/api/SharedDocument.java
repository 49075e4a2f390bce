package org.mxagent.context.api;

/**
 * A fetched share whose content passed every check: sender pinning, signature (when signed), size and SHA-256
 * of the raw bytes. {@code content} is the raw document (decompressed for media shares); {@code mimeType} is
 * the document's type without the {@code +zstd} transfer suffix.
 */
public record SharedDocument(ShareEntry entry, String mimeType, byte[] content) {

    public SharedDocument {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
