package org.mxagent.transport.syncv2.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Matrix encrypted attachments ({@code EncryptedFile} v2): AES-256-CTR under a fresh random key per file, the
 * SHA-256 of the ciphertext in {@code hashes.sha256}, the key as a JWK. The iv's low 64 bits (the block counter)
 * start at zero, as the spec asks, so a file can never wrap the counter into the random half.
 */
final class AttachmentCipher {
    /** Ciphertext to upload, and everything a reader needs except the URL the upload will get. */
    record Sealed(byte[] ciphertext, byte[] key, byte[] iv, byte[] sha256) {
        /** The {@code EncryptedFile} JSON for the uploaded ciphertext. */
        ObjectNode encryptedFile(String mxcUri) {
            ObjectNode file = JsonNodeFactory.instance.objectNode();
            file.put("url", mxcUri);
            ObjectNode jwk = file.putObject("key");
            jwk.put("kty", "oct");
            jwk.putArray("key_ops").add("encrypt").add("decrypt");
            jwk.put("alg", ALG);
            jwk.put("k", Base64.getUrlEncoder().withoutPadding().encodeToString(key));
            jwk.put("ext", true);
            file.put("iv", UNPADDED.encodeToString(iv));
            file.putObject("hashes").put("sha256", UNPADDED.encodeToString(sha256));
            file.put("v", VERSION);
            return file;
        }
    }

    static final String ALG = "A256CTR";
    static final String VERSION = "v2";
    private static final Base64.Encoder UNPADDED = Base64.getEncoder().withoutPadding();

    private final SecureRandom random;

    AttachmentCipher(SecureRandom random) {
        this.random = random;
    }

    Sealed seal(byte[] plaintext) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        Arrays.fill(iv, 8, 16, (byte) 0);
        try {
            byte[] ciphertext = ctr(Cipher.ENCRYPT_MODE, key, iv).doFinal(plaintext);
            return new Sealed(ciphertext, key, iv, sha256(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CTR is not available in this JDK", e);
        }
    }

    /**
     * Checks the download against its {@code EncryptedFile} and decrypts it.
     *
     * @throws AttachmentException naming what does not match; nothing is decrypted then
     */
    static byte[] open(String mxcUri, JsonNode file, byte[] ciphertext) throws AttachmentException {
        if (!file.isObject()) {
            throw new AttachmentException("encrypted_file is not a JSON object");
        }
        require(VERSION.equals(file.path("v").asText()), "unsupported encrypted_file version '"
                + file.path("v").asText() + "' (only v2)");
        require(mxcUri.equals(file.path("url").asText()), "encrypted_file.url " + file.path("url").asText()
                + " is not the media " + mxcUri);
        JsonNode jwk = file.path("key");
        require(ALG.equals(jwk.path("alg").asText()) && "oct".equals(jwk.path("kty").asText()),
                "encrypted_file.key is not an A256CTR oct key");
        byte[] key = decode(Base64.getUrlDecoder(), jwk.path("k").asText(), "key.k");
        byte[] iv = decode(Base64.getDecoder(), file.path("iv").asText(), "iv");
        byte[] expected = decode(Base64.getDecoder(), file.path("hashes").path("sha256").asText(), "hashes.sha256");
        require(key.length == 32, "encrypted_file.key.k is " + key.length + " bytes, not 32");
        require(iv.length == 16, "encrypted_file.iv is " + iv.length + " bytes, not 16");
        require(MessageDigest.isEqual(expected, sha256(ciphertext)),
                "the download does not hash to encrypted_file.hashes.sha256 (tampered or truncated)");
        try {
            return ctr(Cipher.DECRYPT_MODE, key, iv).doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new AttachmentException("cannot decrypt: " + e.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static Cipher ctr(int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return cipher;
    }

    private static byte[] decode(Base64.Decoder decoder, String text, String field) throws AttachmentException {
        try {
            // Matrix writes unpadded base64; some clients pad: accept both.
            return decoder.decode(text.replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new AttachmentException("encrypted_file." + field + " is not valid base64");
        }
    }

    private static void require(boolean condition, String message) throws AttachmentException {
        if (!condition) {
            throw new AttachmentException(message);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The download does not match its EncryptedFile, or the EncryptedFile is malformed. */
    static final class AttachmentException extends Exception {
        private static final long serialVersionUID = 1L;

        AttachmentException(String message) {
            super(message);
        }
    }
}
