package org.mxagent.policy.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds the line where a key path is written in TOML source, because Jackson's TOML tree keeps no locations.
 * Best effort: it follows table headers and dotted keys and skips multi-line strings; when it finds nothing,
 * messages still carry the dotted key path.
 */
final class KeyLineLocator {
    private final String[] lines;

    KeyLineLocator(String text) {
        this.lines = text.split("\r?\n", -1);
    }

    /** 1-based line of the first header or key that defines {@code target}, a table above it, or a part of it. */
    OptionalInt lineOf(List<String> target) {
        List<String> table = List.of();
        String openString = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (openString != null) {
                if (line.contains(openString)) {
                    openString = null;
                }
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.startsWith("[")) {
                Optional<List<String>> header = header(trimmed);
                if (header.isPresent()) {
                    table = header.get();
                    if (startsWith(table, target)) {
                        return OptionalInt.of(i + 1);
                    }
                }
                continue;
            }
            KeyScanner scanner = new KeyScanner(trimmed, 0);
            Optional<List<String>> key = scanner.dottedKey();
            if (key.isEmpty() || !scanner.consume('=')) {
                continue;
            }
            List<String> full = new ArrayList<>(table);
            full.addAll(key.get());
            if (startsWith(full, target) || startsWith(target, full)) {
                return OptionalInt.of(i + 1);
            }
            openString = unclosedMultilineString(scanner.rest());
        }
        return OptionalInt.empty();
    }

    private static Optional<List<String>> header(String trimmed) {
        boolean arrayOfTables = trimmed.startsWith("[[");
        KeyScanner scanner = new KeyScanner(trimmed, arrayOfTables ? 2 : 1);
        Optional<List<String>> key = scanner.dottedKey();
        if (key.isEmpty() || !scanner.consume(']')) {
            return Optional.empty();
        }
        return key;
    }

    /** The closing delimiter of a multi-line string that a value opens and does not close on its line. */
    private static String unclosedMultilineString(String value) {
        String stripped = value.strip();
        for (String delimiter : new String[] {"\"\"\"", "'''"}) {
            if (stripped.startsWith(delimiter) && !stripped.substring(3).contains(delimiter)) {
                return delimiter;
            }
        }
        return null;
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    /** Reads TOML dotted keys: bare keys, "basic" and 'literal' quoted keys, separated by dots. */
    private static final class KeyScanner {
        private final String text;
        private int position;

        KeyScanner(String text, int position) {
            this.text = text;
            this.position = position;
        }

        Optional<List<String>> dottedKey() {
            List<String> keys = new ArrayList<>();
            do {
                skipBlanks();
                Optional<String> key = simpleKey();
                if (key.isEmpty()) {
                    return Optional.empty();
                }
                keys.add(key.get());
                skipBlanks();
            } while (consume('.'));
            return Optional.of(keys);
        }

        boolean consume(char expected) {
            skipBlanks();
            if (position < text.length() && text.charAt(position) == expected) {
                position++;
                return true;
            }
            return false;
        }

        String rest() {
            return text.substring(position);
        }

        private Optional<String> simpleKey() {
            if (position >= text.length()) {
                return Optional.empty();
            }
            char first = text.charAt(position);
            if (first == '"') {
                return basicString();
            }
            if (first == '\'') {
                int end = text.indexOf('\'', position + 1);
                if (end < 0) {
                    return Optional.empty();
                }
                String key = text.substring(position + 1, end);
                position = end + 1;
                return Optional.of(key);
            }
            int start = position;
            while (position < text.length() && isBareKeyChar(text.charAt(position))) {
                position++;
            }
            return position > start ? Optional.of(text.substring(start, position)) : Optional.empty();
        }

        private Optional<String> basicString() {
            StringBuilder key = new StringBuilder();
            int i = position + 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '"') {
                    position = i + 1;
                    return Optional.of(key.toString());
                }
                if (c == '\\' && i + 1 < text.length()) {
                    int consumed = appendEscape(text, i + 1, key);
                    if (consumed < 0) {
                        return Optional.empty();
                    }
                    i += 1 + consumed;
                } else {
                    key.append(c);
                    i++;
                }
            }
            return Optional.empty();
        }

        /** Appends the escape starting at {@code at} (after the backslash); returns its length or -1. */
        private static int appendEscape(String text, int at, StringBuilder out) {
            char c = text.charAt(at);
            switch (c) {
                case '"', '\\' -> out.append(c);
                case 'b' -> out.append('\b');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'f' -> out.append('\f');
                case 'r' -> out.append('\r');
                case 'u', 'U' -> {
                    int digits = c == 'u' ? 4 : 8;
                    if (at + 1 + digits > text.length()) {
                        return -1;
                    }
                    try {
                        out.appendCodePoint(Integer.parseInt(text.substring(at + 1, at + 1 + digits), 16));
                    } catch (IllegalArgumentException notAnEscape) {
                        return -1;
                    }
                    return 1 + digits;
                }
                default -> {
                    return -1;
                }
            }
            return 1;
        }

        private void skipBlanks() {
            while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t')) {
                position++;
            }
        }

        private static boolean isBareKeyChar(char c) {
            return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
        }
    }
}
