package org.mxagent.protocol.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration of the protocol. Parsing is strict: duplicate object keys and trailing tokens are
 * errors, integers of any size stay exact ({@code BigIntegerNode} past 64 bits), and fractional numbers are kept
 * as exact decimals (never rounded through {@code double}, trailing zeros kept) so that a received event can be
 * re-emitted unchanged even though it could not be signed.
 */
public final class ProtocolJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private ProtocolJson() {}

    /** Parses JSON text; throws {@link JsonProcessingException} on syntax errors and duplicate keys. */
    public static JsonNode parse(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    /** Parses UTF-8 JSON bytes. */
    public static JsonNode parse(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** Parses JSON text that must be an object (event content is always an object). */
    public static ObjectNode parseObject(String json) throws JsonProcessingException {
        JsonNode node = parse(json);
        if (!(node instanceof ObjectNode)) {
            throw new IllegalArgumentException("expected a JSON object, got " + node.getNodeType());
        }
        return (ObjectNode) node;
    }

    /** Compact (not canonical) JSON text, e.g. for sending; use {@link CanonicalJson} for signed bytes. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node factory every protocol node is built with. */
    public static JsonNodeFactory nodes() {
        return MAPPER.getNodeFactory();
    }

    /** A new empty object node. */
    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }
}
