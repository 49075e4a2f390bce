package org.mxagent.terminal.impl;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.SpooledLog;

/**
 * The full log of one stream, for the artifact offload. Up to the timeline budget it is kept in memory (the chunks
 * carry it; nothing is spooled); past it, the whole log goes to a private (0600) spool file, zstd-compressed as it
 * is written, with SHA-256 of both the compressed and the raw bytes and a tail for the preview. Not thread-safe.
 */
final class StreamLog {
    private final StreamName stream;
    private final String invocationId;
    private final long budget;
    private final Path spoolDir;
    private final int zstdLevel;
    private final TailBuffer tail;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private long rawBytes;
    private Path file;
    private OutputStream spool;
    private MessageDigest compressedDigest;
    private MessageDigest rawDigest;

    StreamLog(String invocationId, StreamName stream, long budget, Path spoolDir, int zstdLevel, int tailBytes) {
        this.invocationId = invocationId;
        this.stream = stream;
        this.budget = budget;
        this.spoolDir = spoolDir;
        this.zstdLevel = zstdLevel;
        this.tail = new TailBuffer(tailBytes);
    }

    void write(byte[] data, int offset, int length) throws IOException {
        rawBytes += length;
        tail.write(data, offset, length);
        if (spool == null && rawBytes <= budget) {
            memory.write(data, offset, length);
            return;
        }
        if (spool == null) {
            openSpool();
        }
        spool.write(data, offset, length);
    }

    /** Closes the log: the spooled artifact, or empty when the stream stayed within the budget. */
    Optional<SpooledLog> finish() throws IOException {
        memory = null;
        if (spool == null) {
            return Optional.empty();
        }
        spool.close();
        spool = null;
        Base64.Encoder base64 = Base64.getEncoder();
        return Optional.of(new SpooledLog(stream, stream.wire() + ".log.zst", SpooledLog.MIME_TYPE, file,
                Files.size(file), base64.encodeToString(compressedDigest.digest()), rawBytes,
                base64.encodeToString(rawDigest.digest()), tail.text()));
    }

    /** Gives up the log (the run failed before finishing it): closes and deletes any spool file. */
    void discard() throws IOException {
        memory = null;
        try {
            if (spool != null) {
                spool.close();
            }
        } finally {
            spool = null;
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    private void openSpool() throws IOException {
        Files.createDirectories(spoolDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        file = Files.createTempFile(spoolDir, invocationId + "-" + stream.wire() + "-", ".log.zst",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        compressedDigest = sha256();
        rawDigest = sha256();
        OutputStream compressed = new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file)), compressedDigest);
        spool = new DigestOutputStream(new ZstdOutputStream(compressed, zstdLevel), rawDigest);
        // The part that stayed in memory comes first: the artifact holds the whole stream.
        memory.writeTo(spool);
        memory = null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
