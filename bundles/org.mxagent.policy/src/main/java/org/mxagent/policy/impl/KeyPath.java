package org.mxagent.policy.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A TOML key path such as {@code rooms."!r:x".agents."@a:x".max_runtime_ms}, for error messages. */
final class KeyPath {
    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private final List<String> keys;
    private final int index;

    private KeyPath(List<String> keys, int index) {
        this.keys = List.copyOf(keys);
        this.index = index;
    }

    static KeyPath root() {
        return new KeyPath(List.of(), -1);
    }

    KeyPath child(String key) {
        List<String> longer = new ArrayList<>(keys);
        longer.add(key);
        return new KeyPath(longer, -1);
    }

    /** The path of one array element; the index shows in messages but not in {@link #keys()}. */
    KeyPath element(int elementIndex) {
        return new KeyPath(keys, elementIndex);
    }

    /** The key segments, without any array index. */
    List<String> keys() {
        return keys;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (String key : keys) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(quote(key));
        }
        if (index >= 0) {
            out.append('[').append(index).append(']');
        }
        return out.toString();
    }

    static String quote(String key) {
        if (BARE_KEY.matcher(key).matches()) {
            return key;
        }
        return '"' + key.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
