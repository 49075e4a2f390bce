package org.mxagent.ipc.wire;

import java.math.BigDecimal;
import java.nio.CharBuffer;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes plain Java values as compact JSON: maps, collections, strings, {@code char[]} (as a string, so a
 * password need never become an immutable String), numbers, booleans and null. Non-ASCII text is written
 * as is (the frames are UTF-8); control characters, lone surrogates and U+2028/9 are escaped.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {}

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    public static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            string(text, out);
        } else if (value instanceof char[] chars) {
            string(CharBuffer.wrap(chars), out);
        } else if (value instanceof Boolean flag) {
            out.append(flag.booleanValue());
        } else if (value instanceof Number number) {
            number(number, out);
        } else if (value instanceof Map<?, ?> map) {
            object(map, out);
        } else if (value instanceof Collection<?> collection) {
            array(collection, out);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            if (!(entry.getKey() instanceof String name)) {
                throw new IllegalArgumentException("JSON member names must be strings: " + entry.getKey());
            }
            string(name, out);
            out.append(':');
            write(entry.getValue(), out);
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        out.append('}');
    }

    private static void array(Collection<?> elements, StringBuilder out) {
        out.append('[');
        Iterator<?> iterator = elements.iterator();
        while (iterator.hasNext()) {
            write(iterator.next(), out);
            if (iterator.hasNext()) {
                out.append(',');
            }
        }
        out.append(']');
    }

    private static void number(Number number, StringBuilder out) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        } else if (number instanceof BigDecimal decimal) {
            out.append(decimal.toString());
        } else {
            out.append(number.toString());
        }
    }

    private static void string(CharSequence text, StringBuilder out) {
        out.append('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || isLoneSurrogate(text, i)) {
                        unicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    /** A surrogate not part of a pair cannot be encoded as UTF-8; as an escape it survives. */
    private static boolean isLoneSurrogate(CharSequence text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }
}
