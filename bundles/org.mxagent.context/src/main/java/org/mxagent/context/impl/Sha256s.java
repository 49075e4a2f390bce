package org.mxagent.context.impl;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * SHA-256 as shares carry it: unpadded standard base64 of the digest (as in the protocol's samples). On receipt
 * padded base64 and lower/upper-case hex are accepted too; only the digest bytes are compared.
 */
final class Sha256s {
    private Sha256s() {}

    static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }

    static String encode(byte[] content) {
        return Base64.getEncoder().withoutPadding().encodeToString(digest(content));
    }

    /** True if {@code claimed} names the SHA-256 of {@code content}; false if it differs or is not a digest. */
    static boolean matches(String claimed, byte[] content) {
        byte[] expected = decode(claimed);
        return expected != null && MessageDigest.isEqual(expected, digest(content));
    }

    private static byte[] decode(String claimed) {
        if (claimed == null) {
            return null;
        }
        try {
            if (claimed.length() == 64 && claimed.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return HexFormat.of().parseHex(claimed.toLowerCase(java.util.Locale.ROOT));
            }
            byte[] bytes = Base64.getDecoder().decode(claimed);
            return bytes.length == 32 ? bytes : null;
        } catch (IllegalArgumentException notADigest) {
            return null;
        }
    }
}
