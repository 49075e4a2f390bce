package org.mxagent.cli;

import java.util.Map;

/** Lenient reads from parsed JSON values: a missing or mistyped member reads as absent. */
final class Json {
    private Json() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    static Map<String, Object> object(Map<String, Object> parent, String name) {
        return object(parent.get(name));
    }

    static boolean isObject(Object value) {
        return value instanceof Map;
    }

    /** The member as text, or null when missing, null or not a string. */
    static String string(Map<String, Object> object, String name) {
        return object.get(name) instanceof String text ? text : null;
    }

    static long number(Map<String, Object> object, String name, long fallback) {
        return object.get(name) instanceof Number number ? number.longValue() : fallback;
    }

    static boolean flag(Map<String, Object> object, String name) {
        return Boolean.TRUE.equals(object.get(name));
    }
}
