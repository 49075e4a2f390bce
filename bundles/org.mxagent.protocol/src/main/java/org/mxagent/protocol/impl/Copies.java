package org.mxagent.protocol.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Immutable copies for record components that keep insertion order (maps) and refuse null entries. */
public final class Copies {
    private Copies() {}

    public static <V> Map<String, V> map(Map<String, V> map, String what) {
        Objects.requireNonNull(map, what);
        LinkedHashMap<String, V> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, what + " key"),
                Objects.requireNonNull(v, what + " value")));
        return Collections.unmodifiableMap(copy);
    }

    /** Unknown members; a JSON null is a {@code NullNode}, never a Java null. */
    public static Map<String, JsonNode> extra(Map<String, JsonNode> extra) {
        return map(extra, "extra");
    }

    public static <T> List<T> list(List<T> list, String what) {
        return List.copyOf(Objects.requireNonNull(list, what));
    }
}
