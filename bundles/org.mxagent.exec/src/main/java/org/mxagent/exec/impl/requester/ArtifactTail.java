package org.mxagent.exec.impl.requester;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mxagent.protocol.api.event.StreamName;

/**
 * The part of a stream past the timeline budget, from its artifact (the whole log): checks that the log begins
 * with exactly what the chunks delivered (same length, same SHA-256), then hands the rest to the CLI in frames.
 */
public final class ArtifactTail {
    static final int PIECE = 64 * 1024;
    /** How long the tail waits for the CLI to make room before it gives up (the CLI is gone). */
    static final long PUT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    private ArtifactTail() {}

    /** How the tail went. {@code problem} is set when the log did not line up or could not be read to the end. */
    public record Report(StreamName stream, long rawBytes, long emittedBytes, Optional<String> problem) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /** True if {@code content} hashes (SHA-256) to {@code declared} (standard base64, padded or not, or hex). */
    public static boolean sha256Matches(byte[] content, String declared) {
        byte[] expected = decodeDigest(declared);
        return expected != null && MessageDigest.isEqual(expected, sha256().digest(content));
    }

    /** A reader of the raw log: zstd-decompressed when the MIME type says {@code +zstd}. */
    public static InputStream rawLog(byte[] uploaded, String mimeType) throws IOException {
        InputStream bytes = new ByteArrayInputStream(uploaded);
        return isZstd(mimeType) ? new ZstdInputStream(bytes) : bytes;
    }

    public static boolean isZstd(String mimeType) {
        int semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon)).trim().endsWith("+zstd");
    }

    /**
     * Reads the raw log, compares its first {@code tally.bytes()} bytes with what was delivered, and puts the
     * rest into {@code frames}.
     *
     * @param maxRawBytes refuse a log that decompresses to more than this (a decompression bomb)
     */
    static Report emit(StreamName stream, InputStream rawLog, StreamTally tally, FrameBuffer frames,
            long maxRawBytes) throws IOException, InterruptedException {
        long delivered = tally.bytes();
        byte[] deliveredDigest = tally.finish();
        MessageDigest prefix = sha256();
        byte[] buffer = new byte[PIECE];
        long read = 0;
        long emitted = 0;
        try (InputStream in = rawLog) {
            while (read < delivered) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, delivered - read));
                if (n < 0) {
                    return new Report(stream, read, 0, Optional.of("the artifact holds " + read
                            + " bytes, fewer than the " + delivered + " the chunks delivered"));
                }
                prefix.update(buffer, 0, n);
                read += n;
            }
            if (!MessageDigest.isEqual(prefix.digest(), deliveredDigest)) {
                return new Report(stream, read, 0,
                        Optional.of("the artifact does not begin with the bytes the chunks delivered"));
            }
            for (int n = in.readNBytes(buffer, 0, buffer.length); n > 0; n = in.readNBytes(buffer, 0, buffer.length)) {
                read += n;
                if (read > maxRawBytes) {
                    return new Report(stream, read, emitted, Optional.of("the artifact decompresses to more than "
                            + maxRawBytes + " bytes; the rest was not shown"));
                }
                if (!frames.put(Frames.data(stream, Arrays.copyOf(buffer, n), 0, n), n, PUT_TIMEOUT_NANOS)) {
                    return new Report(stream, read, emitted, Optional.of("nobody read the output; the rest of the "
                            + "artifact was not shown"));
                }
                emitted += n;
            }
        }
        return new Report(stream, read, emitted, Optional.empty());
    }

    private static byte[] decodeDigest(String declared) {
        if (declared == null) {
            return null;
        }
        try {
            if (declared.length() == 64 && declared.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return HexFormat.of().parseHex(declared);
            }
            return Base64.getDecoder().decode(declared);
        } catch (IllegalArgumentException notADigest) {
            return null;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
