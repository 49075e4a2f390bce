package org.mxagent.protocol.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mxagent.protocol.Vectors;

/** Every case of vectors/canonical-json.json. */
class CanonicalJsonVectorsTest {

    static Stream<Arguments> valid() {
        return cases("valid").map(c -> Arguments.of(c.get("name").asText(), c.get("input").asText(),
                c.get("canonical").asText()));
    }

    static Stream<Arguments> invalid() {
        return cases("invalid").map(c -> Arguments.of(c.get("name").asText(), c.get("input").asText(),
                c.get("error").asText(), c.path("path").asText(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void producesTheExpectedBytes(String name, String input, String canonical) throws Exception {
        JsonNode parsed = ProtocolJson.parse(input);
        assertArrayEquals(canonical.getBytes(StandardCharsets.UTF_8), CanonicalJson.toBytes(parsed), name);
        assertEquals(canonical, CanonicalJson.toText(ProtocolJson.parse(canonical)), "canonical form is a fixpoint");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refuses(String name, String input, String error, String path) throws Exception {
        if (error.equals("duplicate_key")) {
            JsonProcessingException refused =
                    assertThrows(JsonProcessingException.class, () -> ProtocolJson.parse(input));
            assertTrue(refused.getMessage().contains("Duplicate field"), refused.getMessage());
            return;
        }
        JsonNode parsed = ProtocolJson.parse(input);
        CanonicalJsonException refused =
                assertThrows(CanonicalJsonException.class, () -> CanonicalJson.toBytes(parsed));
        assertEquals(path, refused.path());
        String expectedWords = error.equals("non_integer_number") ? "non-integer number" : "unpaired surrogate";
        assertTrue(refused.getMessage().contains(expectedWords), refused.getMessage());
    }

    private static Stream<JsonNode> cases(String kind) {
        return StreamSupport.stream(Vectors.load("canonical-json.json").get(kind).spliterator(), false);
    }
}
