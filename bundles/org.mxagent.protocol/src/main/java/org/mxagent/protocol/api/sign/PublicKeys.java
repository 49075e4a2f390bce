package org.mxagent.protocol.api.sign;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.mxagent.protocol.impl.Base64s;
import org.mxagent.protocol.impl.Ed25519;

/**
 * Published Ed25519 public keys and their names. A key is published as unpadded standard base64 of its 32 raw
 * bytes; its key id is {@code mxagent-ed25519:<B>} and its fingerprint {@code SHA256:<B>}, where {@code <B>} is the
 * unpadded standard base64 (43 characters) of SHA-256 over the raw key.
 */
public final class PublicKeys {
    public static final String KEY_ID_PREFIX = "mxagent-ed25519:";
    public static final String FINGERPRINT_PREFIX = "SHA256:";

    private PublicKeys() {}

    /** Unpadded standard base64 of a raw 32-byte key. */
    public static String encode(byte[] rawPublicKey) {
        requireKey(rawPublicKey);
        return Base64s.unpadded(rawPublicKey);
    }

    /**
     * The raw key from its published form.
     *
     * @throws IllegalArgumentException unless the text is canonical unpadded base64 of exactly 32 bytes
     */
    public static byte[] decode(String published) {
        return Base64s.decodeUnpadded(published, Ed25519.KEY_BYTES);
    }

    public static String keyId(byte[] rawPublicKey) {
        return KEY_ID_PREFIX + digest(rawPublicKey);
    }

    public static String fingerprint(byte[] rawPublicKey) {
        return FINGERPRINT_PREFIX + digest(rawPublicKey);
    }

    /** The fingerprint for a key id ({@code mxagent-ed25519:<B>} → {@code SHA256:<B>}). */
    public static String fingerprintOfKeyId(String keyId) {
        if (keyId == null || !keyId.startsWith(KEY_ID_PREFIX)) {
            throw new IllegalArgumentException("not an mxagent-ed25519 key id: " + keyId);
        }
        return FINGERPRINT_PREFIX + keyId.substring(KEY_ID_PREFIX.length());
    }

    /** True if {@code published} decodes to a 32-byte key whose key id is {@code keyId}; false if malformed. */
    public static boolean matchesKeyId(String published, String keyId) {
        try {
            return keyId(decode(published)).equals(keyId);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Verifies a raw 64-byte Ed25519 signature; false (never an exception) when anything is malformed. */
    public static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        return rawPublicKey != null && rawPublicKey.length == Ed25519.KEY_BYTES
                && Ed25519.verify(rawPublicKey, message, signature);
    }

    private static String digest(byte[] rawPublicKey) {
        requireKey(rawPublicKey);
        try {
            return Base64s.unpadded(MessageDigest.getInstance("SHA-256").digest(rawPublicKey));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK without SHA-256", e);
        }
    }

    private static void requireKey(byte[] rawPublicKey) {
        if (rawPublicKey == null || rawPublicKey.length != Ed25519.KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
    }
}
