package org.mxagent.protocol.api.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mxagent.protocol.Vectors;

class PublicKeysTest {
    private static final SigningKey KEY = SigningKey.fromSeed(Vectors.RFC8032_SEED);
    private static final String PUBLISHED = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    private static final String DIGEST = "If4x36FUomFia/hUBG/SJxt77UtqvkWqWId+9H+XIbk";

    @Test
    void keyIdAndFingerprintAreUnpaddedSha256() {
        assertEquals("mxagent-ed25519:" + DIGEST, PublicKeys.keyId(KEY.publicKey()));
        assertEquals("SHA256:" + DIGEST, PublicKeys.fingerprint(KEY.publicKey()));
        assertEquals(43, DIGEST.length());
        assertEquals(KEY.fingerprint(), PublicKeys.fingerprintOfKeyId(KEY.keyId()));
    }

    @Test
    void publishedFormIsUnpaddedBase64OfTheRawKey() {
        assertEquals(PUBLISHED, PublicKeys.encode(KEY.publicKey()));
        assertArrayEquals(KEY.publicKey(), PublicKeys.decode(PUBLISHED));
    }

    @Test
    void decodeRefusesEverythingButCanonicalUnpadded32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.decode(PUBLISHED + "="), "padded");
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.decode(PUBLISHED.substring(0, 42) + "p"),
                "non-zero trailing bits");
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.decode("AAAA"), "3 bytes");
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.decode("not base64!"));
    }

    @Test
    void publishedKeyMustMatchItsKeyId() {
        assertTrue(PublicKeys.matchesKeyId(PUBLISHED, KEY.keyId()));
        SigningKey other = SigningKey.generate();
        assertFalse(PublicKeys.matchesKeyId(other.publicKeyBase64(), KEY.keyId()));
        assertFalse(PublicKeys.matchesKeyId("garbage", KEY.keyId()));
        assertFalse(PublicKeys.matchesKeyId(PUBLISHED, "SHA256:" + DIGEST), "fingerprint is not a key id");
    }
}
