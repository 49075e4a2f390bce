package org.mxagent.protocol.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.WireValue;

/**
 * Reads the members of one JSON object for a codec, remembering which it consumed so that the rest become the
 * record's {@code extra}. Three presence rules: required (missing or null is an error), nullable (missing or
 * null reads as Java null) and optional (missing or null reads as empty). Every type mismatch is an error.
 */
public final class FieldReader {
    private final String eventType;
    private final String prefix;
    private final JsonNode node;
    private final Set<String> consumed = new HashSet<>();

    private FieldReader(String eventType, String prefix, JsonNode node) {
        this.eventType = eventType;
        this.prefix = prefix;
        this.node = node;
    }

    /** A reader over event content, which must be an object. */
    public static FieldReader of(String eventType, JsonNode content) throws MalformedEventException {
        if (content == null || !content.isObject()) {
            throw new MalformedEventException(eventType, "", "must be a JSON object");
        }
        return new FieldReader(eventType, "", content);
    }

    public String string(String name) throws MalformedEventException {
        return text(required(name), name);
    }

    public String nullableString(String name) throws MalformedEventException {
        JsonNode value = present(name);
        return value == null ? null : text(value, name);
    }

    public Optional<String> optionalString(String name) throws MalformedEventException {
        return Optional.ofNullable(nullableString(name));
    }

    public boolean bool(String name) throws MalformedEventException {
        return bool(required(name), name);
    }

    public boolean boolOr(String name, boolean absent) throws MalformedEventException {
        JsonNode value = present(name);
        return value == null ? absent : bool(value, name);
    }

    /** A required integer in {@code [min, max]}. */
    public long integer(String name, long min, long max) throws MalformedEventException {
        return integer(required(name), name, min, max);
    }

    public long integerOr(String name, long absent, long min, long max) throws MalformedEventException {
        JsonNode value = present(name);
        return value == null ? absent : integer(value, name, min, max);
    }

    public Long nullableInteger(String name, long min, long max) throws MalformedEventException {
        JsonNode value = present(name);
        return value == null ? null : integer(value, name, min, max);
    }

    /** Any JSON value, JSON null included; only a missing member is an error. */
    public JsonNode json(String name) throws MalformedEventException {
        consumed.add(name);
        JsonNode value = node.get(name);
        if (value == null) {
            throw malformed(name, "is required");
        }
        return value;
    }

    public JsonNode nullableJson(String name) {
        return present(name);
    }

    public Optional<JsonNode> optionalJson(String name) {
        return Optional.ofNullable(present(name));
    }

    public List<String> stringList(String name) throws MalformedEventException {
        return stringList(required(name), name);
    }

    public List<String> stringListOr(String name, List<String> absent) throws MalformedEventException {
        JsonNode value = present(name);
        return value == null ? absent : stringList(value, name);
    }

    public Map<String, String> stringMap(String name) throws MalformedEventException {
        return stringMap(required(name), name);
    }

    public Map<String, String> stringMapOr(String name, Map<String, String> absent) throws MalformedEventException {
        JsonNode value = present(name);
        return value == null ? absent : stringMap(value, name);
    }

    public <E extends Enum<E> & WireValue> E wire(String name, Class<E> type) throws MalformedEventException {
        String value = string(name);
        for (E constant : type.getEnumConstants()) {
            if (constant.wire().equals(value)) {
                return constant;
            }
        }
        throw malformed(name, "has unknown value \"" + value + "\"");
    }

    /** A required nested object read by {@code nested}. */
    public <T> T object(String name, Nested<T> nested) throws MalformedEventException {
        return nested.read(child(required(name), name));
    }

    public <T> T nullableObject(String name, Nested<T> nested) throws MalformedEventException {
        JsonNode value = present(name);
        return value == null ? null : nested.read(child(value, name));
    }

    public <T> Optional<T> optionalObject(String name, Nested<T> nested) throws MalformedEventException {
        return Optional.ofNullable(nullableObject(name, nested));
    }

    /** True if the member is present and not JSON null (does not consume it). */
    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /** The members no reader method consumed, in document order. */
    public Map<String, JsonNode> extra() {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        node.properties().forEach(member -> {
            if (!consumed.contains(member.getKey())) {
                extra.put(member.getKey(), member.getValue());
            }
        });
        return extra;
    }

    /** An error about {@code name} (or the object itself if empty) in this event. */
    public MalformedEventException malformed(String name, String problem) {
        String field = name.isEmpty() ? prefix : prefix.isEmpty() ? name : prefix + "." + name;
        return new MalformedEventException(eventType, field, problem);
    }

    /** Reads one nested object. */
    @FunctionalInterface
    public interface Nested<T> {
        T read(FieldReader reader) throws MalformedEventException;
    }

    private FieldReader child(JsonNode value, String name) throws MalformedEventException {
        if (!value.isObject()) {
            throw malformed(name, "must be an object, got " + kind(value));
        }
        return new FieldReader(eventType, prefix.isEmpty() ? name : prefix + "." + name, value);
    }

    private JsonNode required(String name) throws MalformedEventException {
        JsonNode value = present(name);
        if (value == null) {
            throw malformed(name, node.has(name) ? "must not be null" : "is required");
        }
        return value;
    }

    private JsonNode present(String name) {
        consumed.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private String text(JsonNode value, String name) throws MalformedEventException {
        if (!value.isTextual()) {
            throw malformed(name, "must be a string, got " + kind(value));
        }
        return value.textValue();
    }

    private boolean bool(JsonNode value, String name) throws MalformedEventException {
        if (!value.isBoolean()) {
            throw malformed(name, "must be a boolean, got " + kind(value));
        }
        return value.booleanValue();
    }

    private long integer(JsonNode value, String name, long min, long max) throws MalformedEventException {
        if (!value.isIntegralNumber()) {
            throw malformed(name, "must be an integer, got " + kind(value));
        }
        if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            throw malformed(name, "is out of range [" + min + ", " + max + "]: " + value.asText());
        }
        return value.longValue();
    }

    private List<String> stringList(JsonNode value, String name) throws MalformedEventException {
        if (!value.isArray()) {
            throw malformed(name, "must be an array of strings, got " + kind(value));
        }
        List<String> list = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual()) {
                throw malformed(name + "[" + i + "]", "must be a string, got " + kind(element));
            }
            list.add(element.textValue());
        }
        return list;
    }

    private Map<String, String> stringMap(JsonNode value, String name) throws MalformedEventException {
        if (!value.isObject()) {
            throw malformed(name, "must be an object of strings, got " + kind(value));
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            if (!member.getValue().isTextual()) {
                throw malformed(name + "." + member.getKey(), "must be a string, got " + kind(member.getValue()));
            }
            map.put(member.getKey(), member.getValue().textValue());
        }
        return map;
    }

    private static String kind(JsonNode value) {
        if (value.isNumber() && !value.isIntegralNumber()) {
            return "non-integer number";
        }
        return value.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
