package org.mxagent.daemon.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    @Test
    void roundTripsSeveralFramesInOrder() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        byte[] first = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] second = "{\"text\":\"grüße ✓\"}".getBytes(StandardCharsets.UTF_8);
        FrameCodec.write(Channels.newChannel(wire), first);
        FrameCodec.write(Channels.newChannel(wire), second);
        FrameCodec.write(Channels.newChannel(wire), new byte[0]);

        ReadableByteChannel in = channel(wire.toByteArray());
        assertArrayEquals(first, FrameCodec.read(in));
        assertArrayEquals(second, FrameCodec.read(in));
        assertArrayEquals(new byte[0], FrameCodec.read(in));
        assertNull(FrameCodec.read(in), "end of stream between frames is a clean close");
    }

    @Test
    void lengthIsFourBytesBigEndian() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        FrameCodec.write(Channels.newChannel(wire), new byte[258]);
        byte[] bytes = wire.toByteArray();
        assertArrayEquals(new byte[] {0, 0, 1, 2}, Arrays.copyOf(bytes, 4));
        assertEquals(262, bytes.length);
    }

    @Test
    void acceptsAFrameOfExactlyTheLimit() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        FrameCodec.write(Channels.newChannel(wire), new byte[FrameCodec.MAX_FRAME_BYTES]);
        assertEquals(FrameCodec.MAX_FRAME_BYTES, FrameCodec.read(channel(wire.toByteArray())).length);
    }

    @Test
    void refusesToWriteAnOversizeFrameAndWritesNothing() {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        IOException e = assertThrows(FrameCodec.FrameException.class,
                () -> FrameCodec.write(Channels.newChannel(wire), new byte[FrameCodec.MAX_FRAME_BYTES + 1]));
        assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
        assertEquals(0, wire.size());
    }

    @Test
    void rejectsAnOversizeLengthBeforeAllocating() {
        byte[] header = ByteBuffer.allocate(4).putInt(FrameCodec.MAX_FRAME_BYTES + 1).array();
        IOException e = assertThrows(FrameCodec.FrameException.class, () -> FrameCodec.read(channel(header)));
        assertTrue(e.getMessage().contains((FrameCodec.MAX_FRAME_BYTES + 1) + " bytes"), e.getMessage());
    }

    @Test
    void readsTheLengthAsUnsigned() {
        byte[] header = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        IOException e = assertThrows(FrameCodec.FrameException.class, () -> FrameCodec.read(channel(header)));
        assertTrue(e.getMessage().contains("4294967295 bytes"), e.getMessage());
    }

    @Test
    void rejectsATruncatedBody() {
        byte[] wire = ByteBuffer.allocate(7).putInt(10).put(new byte[] {1, 2, 3}).array();
        IOException e = assertThrows(FrameCodec.FrameException.class, () -> FrameCodec.read(channel(wire)));
        assertEquals("truncated frame: expected 10 bytes, connection closed after 3", e.getMessage());
    }

    @Test
    void rejectsATruncatedLength() {
        IOException e = assertThrows(FrameCodec.FrameException.class,
                () -> FrameCodec.read(channel(new byte[] {0, 0})));
        assertTrue(e.getMessage().startsWith("truncated frame"), e.getMessage());
    }

    private static ReadableByteChannel channel(byte[] bytes) {
        return Channels.newChannel(new ByteArrayInputStream(bytes));
    }
}
