package org.mxagent.crypto.olm.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mxagent.crypto.spi.Account;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.crypto.spi.InboundGroupSession;
import org.mxagent.crypto.spi.OlmError;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.OlmMessage;
import org.mxagent.crypto.spi.OlmSession;
import org.mxagent.crypto.spi.OutboundGroupSession;
import org.mxagent.crypto.spi.PkDecryption;
import org.mxagent.crypto.spi.PkEncryption;

class PickleTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(UTF_8);
    private static final byte[] WRONG_KEY = "fedcba9876543210fedcba9876543210".getBytes(UTF_8);

    private final CryptoProvider provider = new LibolmCryptoProvider();

    @Test
    void accountRoundTripKeepsKeysAndOneTimeKeys() throws OlmException {
        try (Account account = provider.createAccount()) {
            account.generateOneTimeKeys(3);
            account.generateFallbackKey();
            String pickle = account.pickle(KEY);
            assertFalse(pickle.contains(Json.member(account.identityKeys(), "ed25519")), "pickle is encrypted");
            try (Account restored = provider.unpickleAccount(pickle, KEY)) {
                assertEquals(account.identityKeys(), restored.identityKeys());
                assertEquals(account.oneTimeKeys(), restored.oneTimeKeys());
                assertEquals(account.unpublishedFallbackKey(), restored.unpublishedFallbackKey());
                assertEquals(account.sign(KEY), restored.sign(KEY), "ed25519 signatures are deterministic");
            }
            assertWrongKey(() -> provider.unpickleAccount(pickle, WRONG_KEY));
        }
    }

    @Test
    void olmSessionRoundTripContinuesTheConversation() throws OlmException {
        try (Account alice = provider.createAccount(); Account bob = provider.createAccount()) {
            bob.generateOneTimeKeys(1);
            String otk = Json.curve25519Keys(bob.oneTimeKeys()).values().iterator().next();
            String bobCurve = Json.member(bob.identityKeys(), "curve25519");
            OlmMessage first;
            String alicePickle;
            try (OlmSession aliceSession = provider.createOutboundSession(alice, bobCurve, otk)) {
                first = aliceSession.encrypt("one".getBytes(UTF_8));
                alicePickle = aliceSession.pickle(KEY);
            }
            try (OlmSession bobSession = provider.createInboundSession(bob, first.body());
                    OlmSession aliceRestored = provider.unpickleSession(alicePickle, KEY)) {
                assertEquals(bobSession.sessionId(), aliceRestored.sessionId());
                bobSession.decrypt(first);
                OlmMessage reply = bobSession.encrypt("two".getBytes(UTF_8));
                try (OlmSession bobRestored = provider.unpickleSession(bobSession.pickle(KEY), KEY)) {
                    assertArrayEquals("two".getBytes(UTF_8), aliceRestored.decrypt(reply));
                    OlmMessage third = aliceRestored.encrypt("three".getBytes(UTF_8));
                    assertArrayEquals("three".getBytes(UTF_8), bobRestored.decrypt(third));
                }
                assertWrongKey(() -> provider.unpickleSession(alicePickle, WRONG_KEY));
            }
        }
    }

    @Test
    void groupSessionsRoundTripKeepIndexes() throws OlmException {
        try (OutboundGroupSession outbound = provider.createOutboundGroupSession()) {
            outbound.encrypt("0".getBytes(UTF_8));
            try (InboundGroupSession inbound = provider.createInboundGroupSession(outbound.sessionKey())) {
                String outboundPickle = outbound.pickle(KEY);
                String inboundPickle = inbound.pickle(KEY);
                try (OutboundGroupSession outRestored = provider.unpickleOutboundGroupSession(outboundPickle, KEY);
                        InboundGroupSession inRestored = provider.unpickleInboundGroupSession(inboundPickle, KEY)) {
                    assertEquals(outbound.sessionId(), outRestored.sessionId());
                    assertEquals(1, outRestored.messageIndex());
                    assertEquals(1, inRestored.firstKnownIndex());
                    assertEquals(1, inRestored.decrypt(outRestored.encrypt("1".getBytes(UTF_8))).messageIndex());
                }
                assertWrongKey(() -> provider.unpickleOutboundGroupSession(outboundPickle, WRONG_KEY));
                assertWrongKey(() -> provider.unpickleInboundGroupSession(inboundPickle, WRONG_KEY));
            }
        }
    }

    @Test
    void pkDecryptionRoundTripKeepsTheKeyPair() throws OlmException {
        try (PkDecryption decryption = provider.createPkDecryption()) {
            String pickle = decryption.pickle(KEY);
            try (PkDecryption restored = provider.unpicklePkDecryption(pickle, KEY);
                    PkEncryption encryption = provider.createPkEncryption(decryption.publicKey())) {
                assertEquals(decryption.publicKey(), restored.publicKey());
                assertArrayEquals(decryption.privateKey(), restored.privateKey());
                assertArrayEquals("backup".getBytes(UTF_8),
                        restored.decrypt(encryption.encrypt("backup".getBytes(UTF_8))));
            }
            assertWrongKey(() -> provider.unpicklePkDecryption(pickle, WRONG_KEY));
        }
    }

    @Test
    void emptyOrMissingPickleKeyIsRefused() {
        try (Account account = provider.createAccount()) {
            assertThrows(IllegalArgumentException.class, () -> account.pickle(new byte[0]));
            assertThrows(IllegalArgumentException.class, () -> account.pickle(null));
            String pickle = account.pickle(KEY);
            assertThrows(IllegalArgumentException.class, () -> provider.unpickleAccount(pickle, new byte[0]));
        }
    }

    @Test
    void damagedPickleFailsTyped() {
        try (Account account = provider.createAccount()) {
            String pickle = account.pickle(KEY);
            char[] chars = pickle.toCharArray();
            Arrays.fill(chars, 10, 30, 'A');
            OlmException damaged = assertThrows(OlmException.class,
                    () -> provider.unpickleAccount(new String(chars), KEY));
            assertEquals(OlmError.BAD_ACCOUNT_KEY, damaged.error(), "the pickle's MAC no longer matches");
            OlmException truncated = assertThrows(OlmException.class,
                    () -> provider.unpickleAccount(pickle.substring(0, 5), KEY));
            assertEquals(OlmError.INVALID_BASE64, truncated.error());
        }
    }

    private static void assertWrongKey(Executable unpickle) {
        OlmException error = assertThrows(OlmException.class, unpickle);
        assertEquals(OlmError.BAD_ACCOUNT_KEY, error.error());
        assertEquals("BAD_ACCOUNT_KEY", error.olmName());
    }
}
