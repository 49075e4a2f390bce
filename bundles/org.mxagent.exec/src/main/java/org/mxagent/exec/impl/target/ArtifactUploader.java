package org.mxagent.exec.impl.target;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.mxagent.exec.impl.wire.ClientRef;
import org.mxagent.terminal.api.SpooledLog;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MediaAttachment;
import org.osgi.service.log.Logger;

/**
 * Uploads a spooled (zstd) stream log to Matrix media for the invocation's room: in an end-to-end encrypted room
 * the transport encrypts it first ({@code EncryptedFile}, whose key then travels only inside the encrypted
 * {@code stream.artifact} event). The spool file is deleted whatever happens.
 */
public final class ArtifactUploader {
    private final ClientRef client;
    private final Logger log;

    public ArtifactUploader(ClientRef client, Logger log) {
        this.client = client;
        this.log = log;
    }

    /** The uploaded attachment, or empty when the log could not be uploaded. */
    public Optional<MediaAttachment> upload(String roomId, String invocationId, SpooledLog spooled) {
        try {
            byte[] bytes = Files.readAllBytes(spooled.file());
            MediaAttachment attachment = client.require().uploadAttachment(roomId, bytes, spooled.mimeType(),
                    spooled.name());
            log.info("invocation {}: {} uploaded ({} bytes, {} raw{}) as {}", invocationId, spooled.name(),
                    bytes.length, spooled.rawBytes(), attachment.encryptedFile().isPresent() ? ", encrypted" : "",
                    attachment.mxcUri());
            return Optional.of(attachment);
        } catch (MatrixException | IOException e) {
            log.warn("invocation {}: cannot upload {}: {}; reported as truncated", invocationId, spooled.name(),
                    e.getMessage(), e);
            return Optional.empty();
        } finally {
            try {
                spooled.delete();
            } catch (IOException e) {
                log.warn("invocation {}: cannot delete spool file {}: {}", invocationId, spooled.file(),
                        e.getMessage());
            }
        }
    }
}
