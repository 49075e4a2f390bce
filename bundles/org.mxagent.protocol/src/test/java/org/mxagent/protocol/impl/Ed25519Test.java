package org.mxagent.protocol.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.Vectors;

class Ed25519Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void derivesPublicKeysAndSignaturesOfRfc8032() {
        JsonNode cases = Vectors.load("ed25519-rfc8032.json").get("cases");
        assertEquals(3, cases.size());
        for (JsonNode c : cases) {
            byte[] seed = HEX.parseHex(c.get("seed_hex").asText());
            byte[] message = HEX.parseHex(c.get("message_hex").asText());
            byte[] expectedPublic = HEX.parseHex(c.get("public_key_hex").asText());
            byte[] expectedSignature = HEX.parseHex(c.get("signature_hex").asText());
            assertArrayEquals(expectedPublic, Ed25519.publicFromSeed(seed), c.get("name").asText());
            assertArrayEquals(expectedSignature, Ed25519.sign(Ed25519.privateKey(seed), message),
                    c.get("name").asText());
            assertTrue(Ed25519.verify(expectedPublic, message, expectedSignature));
        }
    }

    @Test
    void derEncodingsAreTheFixedPrefixesPlusRawBytes() {
        byte[] seed = Vectors.RFC8032_SEED;
        assertEquals("302e020100300506032b657004220420" + HEX.formatHex(seed),
                HEX.formatHex(Ed25519.privateKey(seed).getEncoded()));
        byte[] raw = Ed25519.publicFromSeed(seed);
        assertEquals("302a300506032b6570032100" + HEX.formatHex(raw),
                HEX.formatHex(Ed25519.publicKey(raw).getEncoded()));
        assertArrayEquals(raw, Ed25519.rawPublic(Ed25519.publicKey(raw)));
    }

    @Test
    void verifyIsFalseNotAnExceptionForBadInput() {
        byte[] raw = Ed25519.publicFromSeed(Vectors.RFC8032_SEED);
        byte[] signature = Ed25519.sign(Ed25519.privateKey(Vectors.RFC8032_SEED), new byte[0]);
        assertFalse(Ed25519.verify(raw, new byte[] {0}, signature), "other message");
        assertFalse(Ed25519.verify(raw, new byte[0], new byte[63]), "short signature");
        byte[] flipped = signature.clone();
        flipped[10] ^= 1;
        assertFalse(Ed25519.verify(raw, new byte[0], flipped), "flipped bit");
        assertTrue(Ed25519.checkPair(Ed25519.privateKey(Vectors.RFC8032_SEED), raw));
    }

    @Test
    void refusesWrongSeedLengths() {
        assertThrows(IllegalArgumentException.class, () -> Ed25519.publicFromSeed(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> Ed25519.privateKey(new byte[33]));
    }
}
