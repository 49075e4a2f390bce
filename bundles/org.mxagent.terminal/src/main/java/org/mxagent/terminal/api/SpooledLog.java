package org.mxagent.terminal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.event.StreamArtifact;
import org.mxagent.protocol.api.event.StreamName;

/**
 * The full log of a stream that went past the timeline budget, zstd-compressed (level 3) in a private spool file,
 * ready for a media upload. The uploader owns the file: {@link #delete()} it when done.
 *
 * @param name        e.g. {@code stdout.log.zst}
 * @param mimeType    {@code text/plain+zstd}
 * @param file        the compressed bytes to upload
 * @param sizeBytes   size of {@code file}
 * @param sha256      standard base64 SHA-256 of {@code file}'s bytes (what {@code stream.artifact.sha256} carries)
 * @param rawBytes    length of the log before compression
 * @param rawSha256   standard base64 SHA-256 of the log before compression (to check a decompressed download)
 * @param tailPreview the last 4 KiB of the log as text (invalid UTF-8 replaced)
 */
public record SpooledLog(StreamName stream, String name, String mimeType, Path file, long sizeBytes, String sha256,
        long rawBytes, String rawSha256, String tailPreview) {
    public static final String MIME_TYPE = "text/plain+zstd";

    public SpooledLog {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(rawSha256, "rawSha256");
        Objects.requireNonNull(tailPreview, "tailPreview");
    }

    /** The unsigned {@code stream.artifact} for this log once uploaded to {@code mxcUri}. */
    public StreamArtifact toStreamArtifact(String invocationId, String mxcUri) {
        return toStreamArtifact(invocationId, mxcUri, Optional.empty());
    }

    /** The artifact event; {@code encryptedFile} (the key of encrypted media) only in end-to-end encrypted rooms. */
    public StreamArtifact toStreamArtifact(String invocationId, String mxcUri, Optional<JsonNode> encryptedFile) {
        return new StreamArtifact(invocationId, stream, name, mimeType, sizeBytes, sha256, mxcUri, tailPreview,
                encryptedFile, Optional.empty(), java.util.Map.of());
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
