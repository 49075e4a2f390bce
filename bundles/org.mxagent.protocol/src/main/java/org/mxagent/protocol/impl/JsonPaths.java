package org.mxagent.protocol.impl;

/** JSONPath-style locations used in error messages: {@code $.a.b}, {@code $.list[3]}, {@code $["odd key"]}. */
public final class JsonPaths {
    private JsonPaths() {}

    /** The path of member {@code key} of the object at {@code parent}. */
    public static String member(String parent, String key) {
        if (isPlainName(key)) {
            return parent + "." + key;
        }
        StringBuilder quoted = new StringBuilder(parent).append("[\"");
        key.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                quoted.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20 || cp == 0x7f) {
                quoted.append(String.format("\\u%04x", cp));
            } else {
                quoted.appendCodePoint(cp);
            }
        });
        return quoted.append("\"]").toString();
    }

    /** The path of element {@code index} of the array at {@code parent}. */
    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    private static boolean isPlainName(String key) {
        if (key.isEmpty() || Character.isDigit(key.charAt(0))) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
