package org.mxagent.protocol.impl;

import java.util.Base64;

/**
 * Standard-alphabet base64 in the two spellings the protocol uses, decoded strictly: the input must be exactly
 * what the encoder would produce (right padding style, no stray bits, no line breaks), so one value has one
 * spelling.
 */
public final class Base64s {
    private Base64s() {}

    public static String unpadded(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String padded(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Decodes unpadded standard base64 of exactly {@code length} bytes. */
    public static byte[] decodeUnpadded(String text, int length) {
        return decode(text, length, false);
    }

    /** Decodes padded standard base64 of exactly {@code length} bytes. */
    public static byte[] decodePadded(String text, int length) {
        return decode(text, length, true);
    }

    /** Decodes standard base64 with or without padding, of any length (for data fields). */
    public static byte[] decodeLenient(String text) {
        return Base64.getDecoder().decode(text);
    }

    private static byte[] decode(String text, int length, boolean padding) {
        if (text == null) {
            throw new IllegalArgumentException("missing base64 value");
        }
        byte[] bytes = Base64.getDecoder().decode(text);
        if (bytes.length != length) {
            throw new IllegalArgumentException("expected " + length + " bytes of base64, got " + bytes.length);
        }
        String canonical = padding ? padded(bytes) : unpadded(bytes);
        if (!canonical.equals(text)) {
            throw new IllegalArgumentException("not canonical " + (padding ? "padded" : "unpadded")
                    + " standard base64");
        }
        return bytes;
    }
}
