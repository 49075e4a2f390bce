package org.mxagent.terminal.api.stream;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 facts about byte slices: validity, safe cut points, and the length as an escaped JSON string. */
final class Utf8 {
    private Utf8() {}

    /** Strict validity (no overlong forms, no surrogates, nothing above U+10FFFF). */
    static boolean isValid(byte[] bytes, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, from, to - from));
            return true;
        } catch (CharacterCodingException invalid) {
            return false;
        }
    }

    /**
     * The largest cut point &le; {@code cut} that does not split a multi-byte sequence starting before it, or
     * {@code cut} itself when the bytes there are no UTF-8 sequence anyway, or when the partial sequence starts at
     * {@code from} (holding it back would leave nothing to send: it goes now).
     */
    static int boundary(byte[] bytes, int from, int cut) {
        int lead = cut - 1;
        int continuation = 0;
        while (lead >= from && continuation < 3 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
            continuation++;
        }
        if (lead < from) {
            return cut;
        }
        int length = sequenceLength(bytes[lead]);
        if (length <= 1 || lead + length <= cut || lead == from) {
            return cut;
        }
        return lead;
    }

    private static int sequenceLength(byte lead) {
        int b = lead & 0xFF;
        if (b >= 0xF0 && b <= 0xF4) {
            return 4;
        }
        if (b >= 0xE0) {
            return b <= 0xEF ? 3 : 1;
        }
        return b >= 0xC2 ? 2 : 1;
    }

    /** Characters this slice takes inside a canonical-JSON string (protocol.md §2.2 escapes). */
    static long escapedLength(byte[] bytes, int from, int to) {
        long length = 0;
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '"' || b == '\\' || b == '\b' || b == '\t' || b == '\n' || b == '\f' || b == '\r') {
                length += 2;
            } else if (b < 0x20) {
                length += 6;
            } else {
                length += 1;
            }
        }
        return length;
    }
}
