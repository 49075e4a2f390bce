package org.mxagent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mxagent.ipc.wire.JsonException;
import org.mxagent.ipc.wire.JsonReader;
import org.mxagent.ipc.wire.JsonWriter;

class JsonCodecTest {

    @Test
    void parsesLiteralsAndKeepsMemberOrder() throws JsonException {
        Object value = JsonReader.parse(" {\"b\": true, \"a\": false, \"n\": null, \"s\": \"x\"} ");
        Map<String, Object> object = Json.object(value);
        assertEquals(List.of("b", "a", "n", "s"), new ArrayList<>(object.keySet()));
        assertEquals(Boolean.TRUE, object.get("b"));
        assertEquals(Boolean.FALSE, object.get("a"));
        assertTrue(object.containsKey("n"));
        assertNull(object.get("n"));
        assertNull(JsonReader.parse("null"));
    }

    @Test
    void parsesNumbersExactly() throws JsonException {
        assertEquals(0L, JsonReader.parse("0"));
        assertEquals(-42L, JsonReader.parse("-42"));
        assertEquals(Long.MAX_VALUE, JsonReader.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, JsonReader.parse("-9223372036854775808"));
        assertEquals(new BigInteger("9223372036854775808"), JsonReader.parse("9223372036854775808"));
        assertEquals(new BigDecimal("0.1"), JsonReader.parse("0.1"));
        assertEquals(new BigDecimal("-1.50"), JsonReader.parse("-1.50"));
        assertEquals(new BigDecimal("6.02e23"), JsonReader.parse("6.02e23"));
        assertEquals(new BigDecimal("1E-7"), JsonReader.parse("1E-7"));
        assertEquals(new BigDecimal("2e+3"), JsonReader.parse("2e+3"));
    }

    @Test
    void decodesEveryEscapeAndUnicode() throws JsonException {
        assertEquals("\" \\ / \b \f \n \r \t é", JsonReader.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9\""));
        assertEquals("😀", JsonReader.parse("\"\\ud83d\\ude00\""), "a surrogate pair from two escapes");
        assertEquals("grüße ✓ 😀", JsonReader.parse("\"grüße ✓ 😀\""), "raw non-ASCII passes through");
        assertEquals("\u0000", JsonReader.parse("\"\\u0000\""));
    }

    @Test
    void parsesNesting() throws JsonException {
        Object value = JsonReader.parse("{\"a\":[1,{\"b\":[[],{}]},\"c\"],\"d\":{\"e\":{\"f\":[null]}}}");
        Map<String, Object> object = Json.object(value);
        List<?> a = (List<?>) object.get("a");
        assertEquals(1L, a.get(0));
        assertEquals(List.of(List.of(), Map.of()), Json.object(a.get(1)).get("b"));
        assertEquals(Arrays.asList((Object) null),
                Json.object(Json.object(object, "d"), "e").get("f"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "01", "-", "1.", ".5", "+1",
        "1e", "\"abc", "\"a\u0001b\"", "\"\\x\"", "\"\\u12g4\"", "\"\\u12\"", "tru", "nul", "[1 2]", "{} {}",
        "'a'", "NaN", "Infinity", "[1]x"})
    void rejectsInvalidJson(String text) {
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse(text));
        assertTrue(e.getMessage().startsWith("invalid JSON at offset "), e.getMessage());
    }

    @Test
    void refusesNestingDeeperThanTheLimit() throws JsonException {
        String deep = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
        assertThrows(JsonException.class, () -> JsonReader.parse(deep));
        String allowed = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertTrue(JsonReader.parse(allowed) instanceof List);
    }

    @Test
    void writesEscapes() {
        assertEquals("\"q\\\" b\\\\ n\\n r\\r t\\t b\\b f\\f c\\u0001 d\\u001f ls\\u2028 ps\\u2029 /\"",
                JsonWriter.write("q\" b\\ n\n r\r t\t b\b f\f c\u0001 d\u001f ls\u2028 ps\u2029 /"));
        assertEquals("\"é ✓ 😀\"", JsonWriter.write("é ✓ 😀"), "non-ASCII is written as is");
        assertEquals("\"\\ud800x\"", JsonWriter.write("\ud800x"), "a lone high surrogate is escaped");
        assertEquals("\"x\\udc00\"", JsonWriter.write("x\udc00"), "a lone low surrogate is escaped");
    }

    @Test
    void writesNumbersAndOtherValues() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("i", 7);
        object.put("l", -9_000_000_000L);
        object.put("big", new BigInteger("123456789012345678901234567890"));
        object.put("dec", new BigDecimal("1.50"));
        object.put("d", 2.5);
        object.put("whole", 3.0);
        object.put("t", true);
        object.put("n", null);
        object.put("pw", "secret".toCharArray());
        object.put("list", List.of(1, "two"));
        assertEquals("{\"i\":7,\"l\":-9000000000,\"big\":123456789012345678901234567890,\"dec\":1.50,\"d\":2.5,"
                + "\"whole\":3,\"t\":true,\"n\":null,\"pw\":\"secret\",\"list\":[1,\"two\"]}",
                JsonWriter.write(object));
    }

    @Test
    void refusesValuesJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(Map.of(1, "x")));
        assertThrows(IllegalArgumentException.class, () -> JsonWriter.write(new Object()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "\"\"", "0", "-1", "1.25", "1E+400", "true", "null",
        "{\"a\":[1,2,{\"b\":null}],\"c\":\"\\\"quoted\\\" \\\\ \\n\",\"d\":{\"e\":[[],[{}]]}}",
        "[\"é\",\"😀\",\"\\u0007\",-0.5,12345678901234567890123]"})
    void compactJsonRoundTripsToTheSameText(String text) throws JsonException {
        assertEquals(text, JsonWriter.write(JsonReader.parse(text)));
    }

    @Test
    void valuesRoundTrip() throws JsonException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "line1\nline2\t\"quoted\" \\ \u0000 ✓ 😀");
        value.put("numbers", List.of(0L, -1L, Long.MAX_VALUE, new BigDecimal("3.14159")));
        value.put("nested", Map.of("empty", List.of(), "flag", false));
        assertEquals(value, JsonReader.parse(JsonWriter.write(value)));
    }
}
