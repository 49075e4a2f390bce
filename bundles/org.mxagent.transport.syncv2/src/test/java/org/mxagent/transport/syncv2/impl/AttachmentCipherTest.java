package org.mxagent.transport.syncv2.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AttachmentCipherTest {
    private static final String MXC = "mxc://example.org/abc";
    private final AttachmentCipher cipher = new AttachmentCipher(new SecureRandom());

    @Test
    void sealedBytesOpenToTheOriginalAndTheCiphertextDiffers() throws Exception {
        byte[] plain = "secret output of an encrypted exec\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        AttachmentCipher.Sealed sealed = cipher.seal(plain);
        assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("secret output"));
        assertArrayEquals(plain, AttachmentCipher.open(MXC, sealed.encryptedFile(MXC), sealed.ciphertext()));
    }

    @Test
    void theEncryptedFileHasTheSpecShape() {
        ObjectNode file = cipher.seal(new byte[10]).encryptedFile(MXC);
        assertEquals("v2", file.path("v").asText());
        assertEquals(MXC, file.path("url").asText());
        assertEquals("A256CTR", file.path("key").path("alg").asText());
        assertEquals("oct", file.path("key").path("kty").asText());
        assertTrue(file.path("key").path("ext").asBoolean());
        assertEquals("[\"encrypt\",\"decrypt\"]", file.path("key").path("key_ops").toString());
        String k = file.path("key").path("k").asText();
        assertFalse(k.contains("=") || k.contains("+") || k.contains("/"), "k is unpadded base64url: " + k);
        byte[] iv = Base64.getDecoder().decode(file.path("iv").asText());
        assertEquals(16, iv.length);
        for (int i = 8; i < 16; i++) {
            assertEquals(0, iv[i], "the counter half of the iv starts at zero");
        }
    }

    @Test
    void eachFileGetsItsOwnKeyAndIv() {
        ObjectNode a = cipher.seal(new byte[1]).encryptedFile(MXC);
        ObjectNode b = cipher.seal(new byte[1]).encryptedFile(MXC);
        assertFalse(a.path("key").path("k").equals(b.path("key").path("k")));
        assertFalse(a.path("iv").equals(b.path("iv")));
    }

    @Test
    void aTamperedDownloadIsRefusedBeforeDecryption() {
        AttachmentCipher.Sealed sealed = cipher.seal("payload".getBytes(StandardCharsets.UTF_8));
        byte[] tampered = sealed.ciphertext().clone();
        tampered[0] ^= 1;
        AttachmentCipher.AttachmentException e = assertThrows(AttachmentCipher.AttachmentException.class,
                () -> AttachmentCipher.open(MXC, sealed.encryptedFile(MXC), tampered));
        assertTrue(e.getMessage().contains("does not hash"), e.getMessage());
    }

    @Test
    void anEncryptedFileForOtherMediaOrAnotherVersionIsRefused() {
        AttachmentCipher.Sealed sealed = cipher.seal(new byte[3]);
        AttachmentCipher.AttachmentException otherUrl = assertThrows(AttachmentCipher.AttachmentException.class,
                () -> AttachmentCipher.open("mxc://example.org/other", sealed.encryptedFile(MXC), sealed.ciphertext()));
        assertTrue(otherUrl.getMessage().contains("is not the media"), otherUrl.getMessage());
        ObjectNode v1 = sealed.encryptedFile(MXC).put("v", "v1");
        AttachmentCipher.AttachmentException version = assertThrows(AttachmentCipher.AttachmentException.class,
                () -> AttachmentCipher.open(MXC, v1, sealed.ciphertext()));
        assertTrue(version.getMessage().contains("version"), version.getMessage());
        ObjectNode badKey = sealed.encryptedFile(MXC);
        ((ObjectNode) badKey.path("key")).put("k", "!!!");
        assertThrows(AttachmentCipher.AttachmentException.class,
                () -> AttachmentCipher.open(MXC, badKey, sealed.ciphertext()));
    }

    /** A file encrypted by matrix-nio (an independent implementation) decrypts here byte for byte. */
    @Test
    void decryptsAnAttachmentEncryptedByMatrixNio() throws Exception {
        JsonNode vector;
        try (InputStream in = getClass().getResourceAsStream("/attachments/nio-vector.json")) {
            vector = new ObjectMapper().readTree(in);
        }
        JsonNode file = vector.path("encrypted_file");
        byte[] ciphertext = Base64.getDecoder().decode(vector.path("ciphertext_b64").asText());
        byte[] expected = Base64.getDecoder().decode(vector.path("plaintext_b64").asText());
        assertArrayEquals(expected, AttachmentCipher.open(file.path("url").asText(), file, ciphertext));
    }
}
