package org.mxagent.crypto.olm.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.crypto.spi.OlmError;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.Sas;
import org.mxagent.crypto.spi.SasMac;

class SasTest {
    private static final String INFO = "MATRIX_KEY_VERIFICATION_SAS|@alice:localhost|ALICEDEV|@bob:localhost|BOBDEV|txn";
    private static final String MAC_INFO = "MATRIX_KEY_VERIFICATION_MAC@alice:localhostALICEDEV@bob:localhostBOBDEVtxn";

    private final CryptoProvider provider = new LibolmCryptoProvider();

    @Test
    void bothSidesDeriveTheSameBytesAndMacs() throws OlmException {
        try (Sas alice = provider.createSas(); Sas bob = provider.createSas()) {
            assertEquals(43, alice.publicKey().length());
            assertNotEquals(alice.publicKey(), bob.publicKey());
            assertFalse(alice.isTheirKeySet());
            alice.setTheirPublicKey(bob.publicKey());
            bob.setTheirPublicKey(alice.publicKey());
            assertTrue(alice.isTheirKeySet());

            byte[] aliceBytes = alice.generateBytes(INFO, 6);
            assertEquals(6, aliceBytes.length);
            assertArrayEquals(aliceBytes, bob.generateBytes(INFO, 6));
            assertFalse(java.util.Arrays.equals(aliceBytes, bob.generateBytes(INFO + "x", 6)));

            String key = "ed25519:ALICEDEV";
            for (SasMac method : SasMac.values()) {
                String mac = alice.calculateMac(method, key, MAC_INFO);
                assertEquals(mac, bob.calculateMac(method, key, MAC_INFO), method.wireName());
                assertNotEquals(mac, bob.calculateMac(method, key, MAC_INFO + "x"), method.wireName());
            }
            assertNotEquals(alice.calculateMac(SasMac.HKDF_HMAC_SHA256_V2, key, MAC_INFO),
                    alice.calculateMac(SasMac.HMAC_SHA256, key, MAC_INFO), "long KDF is another key");
        }
    }

    @Test
    void aThirdPartyDerivesSomethingElse() throws OlmException {
        try (Sas alice = provider.createSas(); Sas bob = provider.createSas(); Sas eve = provider.createSas()) {
            alice.setTheirPublicKey(eve.publicKey());
            bob.setTheirPublicKey(alice.publicKey());
            assertFalse(java.util.Arrays.equals(alice.generateBytes(INFO, 6), bob.generateBytes(INFO, 6)));
        }
    }

    @Test
    void operationsNeedTheirKeyFirst() {
        try (Sas alice = provider.createSas()) {
            OlmException bytes = assertThrows(OlmException.class, () -> alice.generateBytes(INFO, 6));
            assertEquals(OlmError.SAS_THEIR_KEY_NOT_SET, bytes.error());
            assertEquals("OLM_SAS_THEIR_KEY_NOT_SET", bytes.olmName());
            OlmException mac = assertThrows(OlmException.class,
                    () -> alice.calculateMac(SasMac.HKDF_HMAC_SHA256_V2, "k", MAC_INFO));
            assertEquals(OlmError.SAS_THEIR_KEY_NOT_SET, mac.error());
        }
    }

    @Test
    void malformedTheirKeyFailsTyped() {
        try (Sas alice = provider.createSas()) {
            OlmException error = assertThrows(OlmException.class, () -> alice.setTheirPublicKey("AAAA"));
            assertEquals(OlmError.INPUT_BUFFER_TOO_SMALL, error.error());
        }
    }
}
