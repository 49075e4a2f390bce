package org.mxagent.protocol.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour on nodes built in code, which no JSON text can produce. */
class CanonicalJsonTest {
    private static final JsonNodeFactory NODES = ProtocolJson.nodes();

    @Test
    void keyOrderIsCodePointOrderNotUtf16Order() {
        String emoji = "\uD83D\uDE00"; // U+1F600, UTF-16 D83D DE00
        String maxBmp = "\uFFFF";
        assertTrue(emoji.compareTo(maxBmp) < 0, "String.compareTo puts the surrogate pair first");
        assertTrue(CanonicalJson.KEY_ORDER.compare(maxBmp, emoji) < 0, "code point order puts U+FFFF first");
        List<String> keys = new ArrayList<>(List.of("b", emoji, "a", maxBmp, "ab", ""));
        keys.sort(CanonicalJson.KEY_ORDER);
        assertEquals(List.of("", "a", "ab", "b", maxBmp, emoji), keys);
    }

    @Test
    void integerNodesOfEveryWidthArePlainDigits() throws Exception {
        ObjectNode node = NODES.objectNode();
        node.put("int", Integer.MIN_VALUE);
        node.put("long", Long.MAX_VALUE);
        node.put("short", (short) -7);
        node.put("big", BigInteger.TWO.pow(64).add(BigInteger.ONE));
        assertEquals("{\"big\":18446744073709551617,\"int\":-2147483648,\"long\":9223372036854775807,\"short\":-7}",
                CanonicalJson.toText(node));
    }

    @Test
    void everyNonIntegralNumberTypeIsRefusedEvenWhenIntegral() {
        for (JsonNode number : List.of(NODES.numberNode(1.0d), NODES.numberNode(2.0f),
                NODES.numberNode(new BigDecimal("5")), NODES.numberNode(new BigDecimal("1E+2")))) {
            ObjectNode node = NODES.objectNode();
            node.putArray("values").add(1).add(number);
            CanonicalJsonException refused =
                    assertThrows(CanonicalJsonException.class, () -> CanonicalJson.toText(node));
            assertEquals("$.values[1]", refused.path(), number.toString());
        }
    }

    @Test
    void nonJsonNodesAreRefused() {
        ObjectNode node = NODES.objectNode();
        node.set("blob", NODES.binaryNode(new byte[] {1, 2}));
        assertEquals("$.blob", assertThrows(CanonicalJsonException.class, () -> CanonicalJson.toText(node)).path());
        ObjectNode pojo = NODES.objectNode();
        pojo.set("p", NODES.pojoNode(new Object()));
        assertEquals("$.p", assertThrows(CanonicalJsonException.class, () -> CanonicalJson.toText(pojo)).path());
    }

    @Test
    void unpairedSurrogateInAKeyIsRefused() {
        ObjectNode node = NODES.objectNode();
        node.put("ok", 1);
        node.put("bad\uD800", 2);
        CanonicalJsonException refused = assertThrows(CanonicalJsonException.class, () -> CanonicalJson.toText(node));
        assertTrue(refused.getMessage().contains("U+D800"), refused.getMessage());
    }

    @Test
    void outputIsUtf8WithFourByteSequencesForSupplementaryCharacters() throws Exception {
        ObjectNode node = NODES.objectNode();
        node.put("e", "\u00e9\uD83D\uDE00");
        assertArrayEquals(new byte[] {'{', '"', 'e', '"', ':', '"', (byte) 0xc3, (byte) 0xa9, (byte) 0xf0, (byte) 0x9f,
                (byte) 0x98, (byte) 0x80, '"', '}'}, CanonicalJson.toBytes(node));
    }

    @Test
    void largeIntegersSurviveParsing() throws Exception {
        JsonNode parsed = ProtocolJson.parse("[18446744073709551617, 9223372036854775807]");
        assertEquals(new BigInteger("18446744073709551617"), parsed.get(0).bigIntegerValue());
        assertEquals(Long.MAX_VALUE, parsed.get(1).longValue());
    }

    @Test
    void fractionsAreKeptExactlyForReEmission() throws Exception {
        JsonNode parsed = ProtocolJson.parse("{\"a\":1.50,\"b\":0.1}");
        assertEquals("{\"a\":1.50,\"b\":0.1}", ProtocolJson.write(parsed));
    }

    @Test
    void trailingTokensAreRefused() {
        assertThrows(Exception.class, () -> ProtocolJson.parse("{} {}"));
    }
}
