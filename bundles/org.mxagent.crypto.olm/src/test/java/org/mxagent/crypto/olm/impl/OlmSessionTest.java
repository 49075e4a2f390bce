package org.mxagent.crypto.olm.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mxagent.crypto.spi.Account;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.crypto.spi.OlmError;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.OlmMessage;
import org.mxagent.crypto.spi.OlmSession;

/** The to-device handshake: Alice claims one of Bob's one-time keys and writes first. */
class OlmSessionTest {
    private final CryptoProvider provider = new LibolmCryptoProvider();
    private Account alice;
    private Account bob;
    private String aliceCurve;
    private String bobCurve;
    private String bobOneTimeKey;

    @BeforeEach
    void accounts() {
        alice = provider.createAccount();
        bob = provider.createAccount();
        aliceCurve = Json.member(alice.identityKeys(), "curve25519");
        bobCurve = Json.member(bob.identityKeys(), "curve25519");
        bob.generateOneTimeKeys(1);
        bobOneTimeKey = Json.curve25519Keys(bob.oneTimeKeys()).values().iterator().next();
        bob.markKeysAsPublished();
    }

    @AfterEach
    void close() {
        alice.close();
        bob.close();
    }

    @Test
    void preKeyMessageThenNormalMessagesBothWays() throws OlmException {
        try (OlmSession aliceSession = provider.createOutboundSession(alice, bobCurve, bobOneTimeKey)) {
            OlmMessage first = aliceSession.encrypt("hello bob".getBytes(UTF_8));
            assertEquals(OlmMessage.PRE_KEY, first.type());
            assertTrue(first.isPreKey());
            OlmMessage second = aliceSession.encrypt("still no reply".getBytes(UTF_8));
            assertEquals(OlmMessage.PRE_KEY, second.type(), "pre-key until Alice hears from Bob");

            try (OlmSession bobSession = provider.createInboundSessionFrom(bob, aliceCurve, first.body())) {
                assertEquals(aliceSession.sessionId(), bobSession.sessionId());
                assertArrayEquals("hello bob".getBytes(UTF_8), bobSession.decrypt(first));
                bob.removeOneTimeKeys(bobSession);
                assertTrue(bobSession.matchesInbound(second.body()));
                assertTrue(bobSession.matchesInboundFrom(aliceCurve, second.body()));
                assertArrayEquals("still no reply".getBytes(UTF_8), bobSession.decrypt(second));

                assertTrue(bobSession.hasReceivedMessage());
                OlmMessage reply = bobSession.encrypt("hi alice".getBytes(UTF_8));
                assertEquals(OlmMessage.MESSAGE, reply.type());
                assertFalse(aliceSession.hasReceivedMessage());
                assertArrayEquals("hi alice".getBytes(UTF_8), aliceSession.decrypt(reply));
                assertTrue(aliceSession.hasReceivedMessage());

                for (int round = 0; round < 5; round++) {
                    OlmMessage fromAlice = aliceSession.encrypt(("a" + round).getBytes(UTF_8));
                    assertEquals(OlmMessage.MESSAGE, fromAlice.type());
                    assertArrayEquals(("a" + round).getBytes(UTF_8), bobSession.decrypt(fromAlice));
                    OlmMessage fromBob = bobSession.encrypt(("b" + round).getBytes(UTF_8));
                    assertEquals(OlmMessage.MESSAGE, fromBob.type());
                    assertArrayEquals(("b" + round).getBytes(UTF_8), aliceSession.decrypt(fromBob));
                }
                assertFalse(aliceSession.describe().isEmpty());
            }
        }
    }

    @Test
    void inboundSessionWithoutSenderCheckAndOutOfOrderMessages() throws OlmException {
        try (OlmSession aliceSession = provider.createOutboundSession(alice, bobCurve, bobOneTimeKey)) {
            OlmMessage first = aliceSession.encrypt("1".getBytes(UTF_8));
            try (OlmSession bobSession = provider.createInboundSession(bob, first.body())) {
                assertArrayEquals("1".getBytes(UTF_8), bobSession.decrypt(first));
                OlmMessage reply = bobSession.encrypt("r".getBytes(UTF_8));
                aliceSession.decrypt(reply);
                OlmMessage m2 = aliceSession.encrypt("2".getBytes(UTF_8));
                OlmMessage m3 = aliceSession.encrypt("3".getBytes(UTF_8));
                assertArrayEquals("3".getBytes(UTF_8), bobSession.decrypt(m3));
                assertArrayEquals("2".getBytes(UTF_8), bobSession.decrypt(m2), "skipped keys are kept");
            }
        }
    }

    @Test
    void aUsedOneTimeKeyCannotStartASecondSession() throws OlmException {
        try (OlmSession aliceSession = provider.createOutboundSession(alice, bobCurve, bobOneTimeKey)) {
            OlmMessage first = aliceSession.encrypt("once".getBytes(UTF_8));
            try (OlmSession bobSession = provider.createInboundSession(bob, first.body())) {
                bobSession.decrypt(first);
                bob.removeOneTimeKeys(bobSession);
                OlmException again = assertThrows(OlmException.class, () -> bob.removeOneTimeKeys(bobSession));
                assertEquals(OlmError.BAD_MESSAGE_KEY_ID, again.error());
            }
            OlmException replay = assertThrows(OlmException.class,
                    () -> provider.createInboundSession(bob, first.body()));
            assertEquals(OlmError.BAD_MESSAGE_KEY_ID, replay.error());
            assertEquals("BAD_MESSAGE_KEY_ID", replay.olmName());
        }
    }

    @Test
    void fallbackKeyStartsASessionAndStaysUsable() throws OlmException {
        bob.generateFallbackKey();
        String fallback = Json.curve25519Keys(bob.unpublishedFallbackKey()).values().iterator().next();
        bob.markKeysAsPublished();
        try (Account carol = provider.createAccount();
                OlmSession fromAlice = provider.createOutboundSession(alice, bobCurve, fallback);
                OlmSession fromCarol = provider.createOutboundSession(carol, bobCurve, fallback)) {
            for (OlmSession outbound : new OlmSession[] {fromAlice, fromCarol}) {
                OlmMessage message = outbound.encrypt("via fallback".getBytes(UTF_8));
                try (OlmSession inbound = provider.createInboundSession(bob, message.body())) {
                    assertArrayEquals("via fallback".getBytes(UTF_8), inbound.decrypt(message));
                }
            }
        }
    }

    @Test
    void preKeyMessageFromAnotherSenderIsRejected() throws OlmException {
        try (Account mallory = provider.createAccount();
                OlmSession aliceSession = provider.createOutboundSession(alice, bobCurve, bobOneTimeKey)) {
            String malloryCurve = Json.member(mallory.identityKeys(), "curve25519");
            OlmMessage first = aliceSession.encrypt("x".getBytes(UTF_8));
            OlmException wrongSender = assertThrows(OlmException.class,
                    () -> provider.createInboundSessionFrom(bob, malloryCurve, first.body()));
            assertEquals(OlmError.BAD_MESSAGE_KEY_ID, wrongSender.error());
        }
    }

    @Test
    void tamperedOrForeignMessagesFailTyped() throws OlmException {
        bob.generateOneTimeKeys(1);
        Map<String, String> more = Json.curve25519Keys(bob.oneTimeKeys());
        String secondKey = more.values().iterator().next();
        try (OlmSession aliceSession = provider.createOutboundSession(alice, bobCurve, bobOneTimeKey);
                OlmSession otherSession = provider.createOutboundSession(alice, bobCurve, secondKey)) {
            OlmMessage first = aliceSession.encrypt("x".getBytes(UTF_8));
            OlmMessage foreign = otherSession.encrypt("y".getBytes(UTF_8));
            try (OlmSession bobSession = provider.createInboundSession(bob, first.body())) {
                assertFalse(bobSession.matchesInbound(foreign.body()));
                bobSession.decrypt(first);
                OlmMessage reply = bobSession.encrypt("r".getBytes(UTF_8));
                aliceSession.decrypt(reply);
                OlmMessage normal = aliceSession.encrypt("secret".getBytes(UTF_8));
                String body = normal.body();
                char flipped = body.charAt(body.length() - 5) == 'A' ? 'B' : 'A';
                OlmMessage tampered = new OlmMessage(OlmMessage.MESSAGE,
                        body.substring(0, body.length() - 5) + flipped + body.substring(body.length() - 4));
                OlmException mac = assertThrows(OlmException.class, () -> bobSession.decrypt(tampered));
                assertEquals(OlmError.BAD_MESSAGE_MAC, mac.error());
                assertArrayEquals("secret".getBytes(UTF_8), bobSession.decrypt(normal), "a failure does not break the session");

                OlmException base64 = assertThrows(OlmException.class,
                        () -> bobSession.decrypt(new OlmMessage(OlmMessage.MESSAGE, "AAAAA")));
                assertEquals(OlmError.INVALID_BASE64, base64.error());
            }
        }
    }

    @Test
    void malformedKeysForAnOutboundSessionFailTyped() {
        OlmException error = assertThrows(OlmException.class,
                () -> provider.createOutboundSession(alice, "not base64!", bobOneTimeKey));
        assertEquals(OlmError.INVALID_BASE64, error.error());
    }
}
