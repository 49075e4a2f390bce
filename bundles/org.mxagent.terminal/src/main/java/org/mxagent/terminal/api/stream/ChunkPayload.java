package org.mxagent.terminal.api.stream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.mxagent.protocol.api.event.ChunkEncoding;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;

/** The {@code encoding}/{@code data}/{@code sha256} triple of a chunk, both ways. */
public final class ChunkPayload {
    private ChunkPayload() {}

    /**
     * How a slice is sent. PTY output is always base64 (protocol). Otherwise UTF-8 text is sent as text, unless
     * its escaped JSON form would be longer than base64 (control-heavy text): <b>stricter</b> than the peer, so a
     * 16 KiB chunk never grows towards the 64 KiB event limit (a 16 KiB slice of U+0001 would escape to 96 KiB).
     * Receivers decode by the {@code encoding} field, so either choice is wire-compatible.
     */
    public static ChunkEncoding encodingFor(StreamName stream, byte[] bytes, int from, int to) {
        if (stream == StreamName.PTY || !Utf8.isValid(bytes, from, to)) {
            return ChunkEncoding.BASE64;
        }
        long base64Length = 4L * ((to - from + 2) / 3);
        return Utf8.escapedLength(bytes, from, to) <= base64Length ? ChunkEncoding.UTF_8 : ChunkEncoding.BASE64;
    }

    /** {@code data} for the slice in that encoding. */
    public static String encode(ChunkEncoding encoding, byte[] bytes, int from, int to) {
        return encoding == ChunkEncoding.UTF_8
                ? new String(bytes, from, to - from, StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, from, to));
    }

    /** Standard, padded base64 of SHA-256 over the decoded bytes. */
    public static String sha256(byte[] bytes, int from, int to) {
        MessageDigest digest = sha256();
        digest.update(bytes, from, to - from);
        return Base64.getEncoder().encodeToString(digest.digest());
    }

    /** The decoded bytes of a chunk, or empty if {@code data} is not valid in its encoding (strict base64). */
    public static Optional<byte[]> decode(StreamChunk chunk) {
        if (chunk.encoding() == ChunkEncoding.UTF_8) {
            // A string holding a lone surrogate has no UTF-8 form: report it rather than let getBytes write '?'.
            byte[] bytes = chunk.data().getBytes(StandardCharsets.UTF_8);
            return roundTrips(chunk.data(), bytes) ? Optional.of(bytes) : Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(chunk.data());
            return Base64.getEncoder().encodeToString(bytes).equals(chunk.data())
                    ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static boolean roundTrips(String text, byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).equals(text);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
