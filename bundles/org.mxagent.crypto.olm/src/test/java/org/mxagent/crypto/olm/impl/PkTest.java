package org.mxagent.crypto.olm.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.crypto.spi.OlmError;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.PkDecryption;
import org.mxagent.crypto.spi.PkEncryption;
import org.mxagent.crypto.spi.PkMessage;
import org.mxagent.crypto.spi.PkSigning;
import org.mxagent.crypto.spi.Utility;

class PkTest {
    private final CryptoProvider provider = new LibolmCryptoProvider();

    @Test
    void encryptDecryptRoundTrip() throws OlmException {
        byte[] sessionData = "{\"algorithm\":\"m.megolm.v1.aes-sha2\",\"session_key\":\"...\"}".getBytes(UTF_8);
        try (PkDecryption decryption = provider.createPkDecryption();
                PkEncryption encryption = provider.createPkEncryption(decryption.publicKey())) {
            PkMessage message = encryption.encrypt(sessionData);
            PkMessage again = encryption.encrypt(sessionData);
            assertNotEquals(message.ephemeralKey(), again.ephemeralKey(), "fresh ephemeral key per message");
            assertArrayEquals(sessionData, decryption.decrypt(message));
            assertArrayEquals(sessionData, decryption.decrypt(again));
            assertArrayEquals(new byte[0], decryption.decrypt(encryption.encrypt(new byte[0])));
        }
    }

    @Test
    void privateKeyRecreatesTheSameKeyPair() throws OlmException {
        try (PkDecryption original = provider.createPkDecryption()) {
            byte[] privateKey = original.privateKey();
            assertEquals(32, privateKey.length);
            try (PkDecryption recreated = provider.createPkDecryption(privateKey);
                    PkEncryption encryption = provider.createPkEncryption(original.publicKey())) {
                assertEquals(original.publicKey(), recreated.publicKey());
                assertArrayEquals("x".getBytes(UTF_8), recreated.decrypt(encryption.encrypt("x".getBytes(UTF_8))));
            }
            OlmException tooShort = assertThrows(OlmException.class, () -> provider.createPkDecryption(new byte[16]));
            assertEquals(OlmError.INPUT_BUFFER_TOO_SMALL, tooShort.error());
        }
    }

    @Test
    void messageForAnotherKeyOrAlteredFailsWithBadMac() throws OlmException {
        try (PkDecryption mine = provider.createPkDecryption();
                PkDecryption theirs = provider.createPkDecryption();
                PkEncryption toTheirs = provider.createPkEncryption(theirs.publicKey())) {
            PkMessage message = toTheirs.encrypt("for them".getBytes(UTF_8));
            OlmException wrongKey = assertThrows(OlmException.class, () -> mine.decrypt(message));
            assertEquals(OlmError.BAD_MESSAGE_MAC, wrongKey.error());
            PkMessage altered = new PkMessage(message.ciphertext(), "AAAAAAAAAAA", message.ephemeralKey());
            OlmException badMac = assertThrows(OlmException.class, () -> theirs.decrypt(altered));
            assertEquals(OlmError.BAD_MESSAGE_MAC, badMac.error());
        }
    }

    @Test
    void signingKeyFromSeedSignsVerifiably() throws OlmException {
        byte[] seed = provider.generatePkSigningSeed();
        assertEquals(32, seed.length);
        byte[] message = "{\"usage\":[\"master\"],\"user_id\":\"@a:localhost\"}".getBytes(UTF_8);
        try (PkSigning signing = provider.createPkSigning(seed);
                PkSigning same = provider.createPkSigning(seed);
                Utility utility = provider.createUtility()) {
            assertEquals(43, signing.publicKey().length());
            assertEquals(signing.publicKey(), same.publicKey());
            String signature = signing.sign(message);
            utility.verifyEd25519(signing.publicKey(), message, signature);
            OlmException forged = assertThrows(OlmException.class,
                    () -> utility.verifyEd25519(signing.publicKey(), "other".getBytes(UTF_8), signature));
            assertEquals(OlmError.BAD_MESSAGE_MAC, forged.error());
        }
        OlmException shortSeed = assertThrows(OlmException.class, () -> provider.createPkSigning(new byte[31]));
        assertEquals(OlmError.INPUT_BUFFER_TOO_SMALL, shortSeed.error());
    }

    @Test
    void malformedRecipientKeyFailsTyped() {
        OlmException error = assertThrows(OlmException.class, () -> provider.createPkEncryption("AAAA"));
        assertEquals(OlmError.INPUT_BUFFER_TOO_SMALL, error.error());
    }
}
