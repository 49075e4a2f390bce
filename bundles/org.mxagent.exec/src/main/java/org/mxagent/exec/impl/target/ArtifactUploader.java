package org.mxagent.exec.impl.target;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.mxagent.exec.impl.wire.ClientRef;
import org.mxagent.terminal.api.SpooledLog;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.osgi.service.log.Logger;

/**
 * Uploads a spooled (zstd) stream log to Matrix media. In an end-to-end encrypted room the upload is refused: the
 * transport has no encrypted-attachment support yet, and a plaintext upload would leak what the room encrypts.
 * The spool file is deleted whatever happens.
 */
public final class ArtifactUploader {
    static final String ENCRYPTION = "m.room.encryption";

    private final ClientRef client;
    private final Logger log;

    public ArtifactUploader(ClientRef client, Logger log) {
        this.client = client;
        this.log = log;
    }

    /** The {@code mxc://} URI, or empty when the log could not (or must not) be uploaded. */
    public Optional<String> upload(String roomId, String invocationId, SpooledLog spooled) {
        try {
            MatrixClient matrix = client.require();
            if (matrix.getState(roomId, ENCRYPTION, "").isPresent()) {
                log.warn("invocation {}: {} not uploaded: {} is end-to-end encrypted and encrypted attachments are "
                        + "not supported yet; the output past the timeline budget is lost (reported as truncated)",
                        invocationId, spooled.name(), roomId);
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(spooled.file());
            String mxc = matrix.uploadMedia(bytes, spooled.mimeType(), spooled.name());
            log.info("invocation {}: {} uploaded ({} bytes, {} raw) as {}", invocationId, spooled.name(),
                    bytes.length, spooled.rawBytes(), mxc);
            return Optional.of(mxc);
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
