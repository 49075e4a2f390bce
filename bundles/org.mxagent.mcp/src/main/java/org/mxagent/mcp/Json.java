package org.mxagent.mcp;

import java.util.List;
import java.util.Map;
import org.mxagent.ipc.wire.JsonException;
import org.mxagent.ipc.wire.JsonReader;

/** Lenient reads from parsed JSON values: a missing or mistyped member reads as absent. */
final class Json {
    private Json() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Object value) {
        return value instanceof List ? (List<Object>) value : List.of();
    }

    static String string(Map<String, Object> object, String name) {
        return object.get(name) instanceof String text ? text : null;
    }

    /** Parses a JSON text that this code wrote itself (schemas): a mistake is a programming error. */
    static Map<String, Object> constant(String text) {
        try {
            return object(JsonReader.parse(text));
        } catch (JsonException e) {
            throw new IllegalStateException("bad built-in JSON: " + e.getMessage(), e);
        }
    }
}
