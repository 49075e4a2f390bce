package org.mxagent.ipc.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/** specs/daemon-ipc.md frames: a 4-byte big-endian unsigned length, then that many bytes (max 16 MiB). */
public final class Frames {
    public static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    private Frames() {}

    /** One frame's payload, or null if the peer closed the connection between frames. */
    public static byte[] read(ReadableByteChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(4);
        if (!fill(channel, header)) {
            if (header.position() == 0) {
                return null;
            }
            throw new IOException("truncated frame from the peer");
        }
        long length = Integer.toUnsignedLong(header.getInt(0));
        if (length > MAX_FRAME_BYTES) {
            throw new IOException("the peer sent a frame of " + length + " bytes, over the 16 MiB limit");
        }
        ByteBuffer payload = ByteBuffer.allocate((int) length);
        if (!fill(channel, payload)) {
            throw new IOException("truncated frame from the peer: expected " + length + " bytes, got "
                    + payload.position());
        }
        return payload.array();
    }

    /** Writes {@code payload} (its position to limit) as one frame. */
    public static void write(WritableByteChannel channel, ByteBuffer payload) throws IOException {
        int length = payload.remaining();
        if (length > MAX_FRAME_BYTES) {
            throw new IOException("request of " + length + " bytes is over the 16 MiB frame limit");
        }
        ByteBuffer[] frame = {ByteBuffer.allocate(4).putInt(0, length), payload};
        for (ByteBuffer part : frame) {
            while (part.hasRemaining()) {
                channel.write(part);
            }
        }
    }

    private static boolean fill(ReadableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }
}
