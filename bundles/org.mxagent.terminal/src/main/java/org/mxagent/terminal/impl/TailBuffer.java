package org.mxagent.terminal.impl;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The last N bytes written, as text for {@code tail_preview}. */
final class TailBuffer {
    private final byte[] ring;
    private long written;

    TailBuffer(int capacity) {
        this.ring = new byte[capacity];
    }

    void write(byte[] data, int offset, int length) {
        int skip = Math.max(0, length - ring.length);
        written += skip;
        for (int i = offset + skip; i < offset + length; i++) {
            ring[(int) (written++ % ring.length)] = data[i];
        }
    }

    /** The tail, decoded leniently; a character cut at the start of the tail is dropped, not shown as U+FFFD. */
    String text() {
        int size = (int) Math.min(written, ring.length);
        byte[] tail = new byte[size];
        for (int i = 0; i < size; i++) {
            tail[i] = ring[(int) ((written - size + i) % ring.length)];
        }
        int start = 0;
        while (start < size && start < 3 && size == ring.length && (tail[start] & 0xC0) == 0x80) {
            start++;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(size);
        decoder.decode(ByteBuffer.wrap(tail, start, size - start), chars, true);
        decoder.flush(chars);
        return chars.flip().toString();
    }
}
