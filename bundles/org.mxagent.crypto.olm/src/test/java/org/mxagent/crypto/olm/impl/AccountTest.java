package org.mxagent.crypto.olm.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mxagent.crypto.spi.Account;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.crypto.spi.OlmError;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.Utility;

class AccountTest {
    private final CryptoProvider provider = new LibolmCryptoProvider();

    @Test
    void reportsTheLoadedLibraryVersion() {
        assertTrue(provider.name().startsWith("libolm 3."), provider.name());
    }

    @Test
    void identityKeysAreTwoBase64PublicKeys() {
        try (Account account = provider.createAccount(); Account other = provider.createAccount()) {
            String keys = account.identityKeys();
            assertEquals(43, Json.member(keys, "curve25519").length());
            assertEquals(43, Json.member(keys, "ed25519").length());
            assertEquals(keys, account.identityKeys());
            assertNotEquals(keys, other.identityKeys());
        }
    }

    @Test
    void signatureVerifiesWithTheUtilityAndFailsForAnotherMessage() throws OlmException {
        try (Account account = provider.createAccount(); Utility utility = provider.createUtility()) {
            String ed25519 = Json.member(account.identityKeys(), "ed25519");
            byte[] message = "{\"device_id\":\"ABC\",\"user_id\":\"@a:localhost\"}".getBytes(UTF_8);
            String signature = account.sign(message);
            assertEquals(86, signature.length());

            utility.verifyEd25519(ed25519, message, signature);

            OlmException forged = assertThrows(OlmException.class,
                    () -> utility.verifyEd25519(ed25519, "{\"device_id\":\"XYZ\"}".getBytes(UTF_8), signature));
            assertEquals(OlmError.BAD_MESSAGE_MAC, forged.error());
            OlmException badKey = assertThrows(OlmException.class,
                    () -> utility.verifyEd25519("not-a-key", message, signature));
            assertEquals(OlmError.INVALID_BASE64, badKey.error());
        }
    }

    @Test
    void sha256IsUnpaddedBase64() {
        try (Utility utility = provider.createUtility()) {
            assertEquals("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU", utility.sha256(new byte[0]));
            assertEquals("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0", utility.sha256("abc".getBytes(UTF_8)));
        }
    }

    @Test
    void oneTimeKeysAreListedUntilPublished() {
        try (Account account = provider.createAccount()) {
            assertTrue(account.maxNumberOfOneTimeKeys() >= 50, "max " + account.maxNumberOfOneTimeKeys());
            assertEquals(Map.of(), Json.curve25519Keys(account.oneTimeKeys()));

            account.generateOneTimeKeys(5);
            Map<String, String> keys = Json.curve25519Keys(account.oneTimeKeys());
            assertEquals(5, keys.size());
            keys.values().forEach(key -> assertEquals(43, key.length()));

            assertEquals(5, account.markKeysAsPublished());
            assertEquals(Map.of(), Json.curve25519Keys(account.oneTimeKeys()));

            account.generateOneTimeKeys(2);
            Map<String, String> next = Json.curve25519Keys(account.oneTimeKeys());
            assertEquals(2, next.size());
            next.keySet().forEach(id -> assertTrue(!keys.containsKey(id), "key id reused: " + id));
        }
    }

    @Test
    void oldestOneTimeKeysAreDroppedBeyondTheMaximum() {
        try (Account account = provider.createAccount()) {
            int max = account.maxNumberOfOneTimeKeys();
            account.generateOneTimeKeys(max + 3);
            assertEquals(max, Json.curve25519Keys(account.oneTimeKeys()).size());
        }
    }

    @Test
    void fallbackKeyIsUnpublishedUntilMarked() {
        try (Account account = provider.createAccount()) {
            assertEquals(Map.of(), Json.curve25519Keys(account.unpublishedFallbackKey()));

            account.generateFallbackKey();
            Map<String, String> fallback = Json.curve25519Keys(account.unpublishedFallbackKey());
            assertEquals(1, fallback.size());

            assertEquals(0, account.markKeysAsPublished(), "the fallback key is not counted");
            assertEquals(Map.of(), Json.curve25519Keys(account.unpublishedFallbackKey()));

            account.generateFallbackKey();
            Map<String, String> rotated = Json.curve25519Keys(account.unpublishedFallbackKey());
            assertEquals(1, rotated.size());
            assertNotEquals(fallback, rotated);
            account.forgetOldFallbackKey();
            assertEquals(rotated, Json.curve25519Keys(account.unpublishedFallbackKey()));
        }
    }

    @Test
    void rejectsANegativeKeyCount() {
        try (Account account = provider.createAccount()) {
            assertThrows(IllegalArgumentException.class, () -> account.generateOneTimeKeys(-1));
        }
    }
}
