package org.mxagent.protocol.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mxagent.protocol.impl.JsonPaths;

/**
 * Matrix canonical JSON: object keys sorted by Unicode code point (the same order as their UTF-8 bytes),
 * recursively; no whitespace; arrays in order; strings escape only {@code "}, {@code \} and U+0000..U+001F
 * ({@code \b \t \n \f \r} short, the rest as lowercase "backslash-u 00xx"); everything else, DEL, {@code /} and
 * non-ASCII included, is written raw as UTF-8. Integers of any size are written as plain decimal digits. Every
 * non-integral number node (double, float, decimal, even {@code 1.0}) is refused, as is a string holding an
 * unpaired UTF-16 surrogate, because neither has a canonical UTF-8 form.
 */
public final class CanonicalJson {
    /** Code point order; {@link String#compareTo} differs from it once a key holds characters above U+FFFF. */
    public static final Comparator<String> KEY_ORDER = CanonicalJson::compareCodePoints;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {}

    /** The canonical UTF-8 bytes of {@code node}. */
    public static byte[] toBytes(JsonNode node) throws CanonicalJsonException {
        return toText(node).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form as a string (its UTF-8 encoding is {@link #toBytes}). */
    public static String toText(JsonNode node) throws CanonicalJsonException {
        StringBuilder out = new StringBuilder();
        write(node, "$", out);
        return out.toString();
    }

    private static void write(JsonNode node, String path, StringBuilder out) throws CanonicalJsonException {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, path, out);
            case ARRAY -> writeArray(node, path, out);
            case STRING -> writeString(node.textValue(), path, out);
            case NUMBER -> writeNumber(node, path, out);
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new CanonicalJsonException(path, "not a JSON value (" + node.getNodeType() + ")");
        }
    }

    private static void writeObject(JsonNode node, String path, StringBuilder out) throws CanonicalJsonException {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
        members.addAll(node.properties());
        members.sort(Map.Entry.comparingByKey(KEY_ORDER));
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            Map.Entry<String, JsonNode> member = members.get(i);
            String childPath = JsonPaths.member(path, member.getKey());
            if (i > 0) {
                out.append(',');
            }
            writeString(member.getKey(), childPath, out);
            out.append(':');
            write(member.getValue(), childPath, out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, String path, StringBuilder out) throws CanonicalJsonException {
        out.append('[');
        Iterator<JsonNode> elements = node.elements();
        for (int i = 0; elements.hasNext(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(elements.next(), JsonPaths.index(path, i), out);
        }
        out.append(']');
    }

    private static void writeNumber(JsonNode node, String path, StringBuilder out) throws CanonicalJsonException {
        if (!node.isIntegralNumber()) {
            throw new CanonicalJsonException(path, "non-integer number " + node.asText() + " has no canonical form");
        }
        out.append(node.bigIntegerValue().toString());
    }

    private static void writeString(String s, String path, StringBuilder out) throws CanonicalJsonException {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new CanonicalJsonException(path, String.format(
                                "unpaired surrogate U+%04X in a string cannot be encoded as UTF-8", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
