package org.mxagent.crypto.olm.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.crypto.spi.GroupDecryption;
import org.mxagent.crypto.spi.InboundGroupSession;
import org.mxagent.crypto.spi.OlmError;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.OutboundGroupSession;

class MegolmTest {
    private final CryptoProvider provider = new LibolmCryptoProvider();

    @Test
    void manyMessagesDecryptInOrderWithIncreasingIndex() throws OlmException {
        try (OutboundGroupSession outbound = provider.createOutboundGroupSession();
                InboundGroupSession inbound = provider.createInboundGroupSession(outbound.sessionKey())) {
            assertEquals(outbound.sessionId(), inbound.sessionId());
            assertEquals(0, inbound.firstKnownIndex());
            assertTrue(inbound.isVerified(), "made from the signed session key");
            for (int i = 0; i < 200; i++) {
                assertEquals(i, outbound.messageIndex());
                byte[] payload = ("{\"body\":\"message " + i + "\"}").getBytes(UTF_8);
                GroupDecryption decrypted = inbound.decrypt(outbound.encrypt(payload));
                assertEquals(i, decrypted.messageIndex());
                assertArrayEquals(payload, decrypted.plaintext());
            }
            assertEquals(200, outbound.messageIndex());
        }
    }

    @Test
    void messagesDecryptOutOfOrderAndLargePayloads() throws OlmException {
        try (OutboundGroupSession outbound = provider.createOutboundGroupSession();
                InboundGroupSession inbound = provider.createInboundGroupSession(outbound.sessionKey())) {
            List<String> ciphertexts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ciphertexts.add(outbound.encrypt(new byte[i * 1000 + 1]));
            }
            for (int i = 9; i >= 0; i--) {
                GroupDecryption decrypted = inbound.decrypt(ciphertexts.get(i));
                assertEquals(i, decrypted.messageIndex());
                assertEquals(i * 1000 + 1, decrypted.plaintext().length);
            }
        }
    }

    @Test
    void replayedCiphertextDecryptsAgainWithTheSameIndex() throws OlmException {
        // libolm does not remember what it decrypted: replay detection is the crypto machine's job, by
        // recording (session id, message index) -> event id and refusing a different event at a seen index.
        try (OutboundGroupSession outbound = provider.createOutboundGroupSession();
                InboundGroupSession inbound = provider.createInboundGroupSession(outbound.sessionKey())) {
            outbound.encrypt("zero".getBytes(UTF_8));
            String one = outbound.encrypt("one".getBytes(UTF_8));
            GroupDecryption first = inbound.decrypt(one);
            GroupDecryption replay = inbound.decrypt(one);
            assertEquals(1, first.messageIndex());
            assertEquals(first.messageIndex(), replay.messageIndex());
            assertArrayEquals(first.plaintext(), replay.plaintext());
        }
    }

    @Test
    void sessionKeySharedLaterStartsAtTheCurrentIndex() throws OlmException {
        try (OutboundGroupSession outbound = provider.createOutboundGroupSession()) {
            String early = outbound.encrypt("before you joined".getBytes(UTF_8));
            outbound.encrypt("also before".getBytes(UTF_8));
            try (InboundGroupSession late = provider.createInboundGroupSession(outbound.sessionKey())) {
                assertEquals(2, late.firstKnownIndex());
                OlmException error = assertThrows(OlmException.class, () -> late.decrypt(early));
                assertEquals(OlmError.UNKNOWN_MESSAGE_INDEX, error.error());
                assertEquals(2, late.decrypt(outbound.encrypt("now".getBytes(UTF_8))).messageIndex());
            }
        }
    }

    @Test
    void exportAtIndexFiveCannotDecryptIndexThree() throws OlmException {
        try (OutboundGroupSession outbound = provider.createOutboundGroupSession();
                InboundGroupSession inbound = provider.createInboundGroupSession(outbound.sessionKey())) {
            List<String> ciphertexts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ciphertexts.add(outbound.encrypt(("m" + i).getBytes(UTF_8)));
            }
            String exported = inbound.export(5);
            assertNotEquals(outbound.sessionKey(), exported);
            try (InboundGroupSession imported = provider.importInboundGroupSession(exported)) {
                assertEquals(inbound.sessionId(), imported.sessionId());
                assertEquals(5, imported.firstKnownIndex());
                assertFalse(imported.isVerified(), "an exported key carries no signature");

                OlmException error = assertThrows(OlmException.class, () -> imported.decrypt(ciphertexts.get(3)));
                assertEquals(OlmError.UNKNOWN_MESSAGE_INDEX, error.error());
                assertEquals("UNKNOWN_MESSAGE_INDEX", error.olmName());

                GroupDecryption five = imported.decrypt(ciphertexts.get(5));
                assertEquals(5, five.messageIndex());
                assertArrayEquals("m5".getBytes(UTF_8), five.plaintext());
                assertTrue(imported.isVerified(), "decrypting at the first known index verifies it");
                assertEquals(7, imported.decrypt(ciphertexts.get(7)).messageIndex());

                OlmException before = assertThrows(OlmException.class, () -> imported.export(4));
                assertEquals(OlmError.UNKNOWN_MESSAGE_INDEX, before.error());
            }
        }
    }

    @Test
    void foreignOrDamagedInputFailsTyped() throws OlmException {
        try (OutboundGroupSession outbound = provider.createOutboundGroupSession();
                OutboundGroupSession other = provider.createOutboundGroupSession();
                InboundGroupSession inbound = provider.createInboundGroupSession(outbound.sessionKey())) {
            OlmException foreign = assertThrows(OlmException.class,
                    () -> inbound.decrypt(other.encrypt("x".getBytes(UTF_8))));
            assertTrue(foreign.error() == OlmError.BAD_MESSAGE_MAC || foreign.error() == OlmError.BAD_SIGNATURE,
                    foreign.error().toString());

            String good = outbound.encrypt("y".getBytes(UTF_8));
            char flipped = good.charAt(20) == 'A' ? 'B' : 'A';
            String tampered = good.substring(0, 20) + flipped + good.substring(21);
            assertThrows(OlmException.class, () -> inbound.decrypt(tampered));

            OlmException badKey = assertThrows(OlmException.class,
                    () -> provider.createInboundGroupSession("AAAA"));
            assertEquals(OlmError.BAD_SESSION_KEY, badKey.error());
            OlmException badImport = assertThrows(OlmException.class,
                    () -> provider.importInboundGroupSession(outbound.sessionKey()));
            assertEquals(OlmError.BAD_SESSION_KEY, badImport.error(), "a session key is not an export");
        }
    }
}
