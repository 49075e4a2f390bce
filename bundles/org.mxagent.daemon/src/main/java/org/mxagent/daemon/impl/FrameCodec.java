package org.mxagent.daemon.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/** The wire format of specs/daemon-ipc.md: a 4-byte big-endian unsigned length, then that many bytes. */
public final class FrameCodec {
    /** 16 MiB: larger frames are refused in both directions. */
    public static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    private static final int HEADER_BYTES = 4;

    private FrameCodec() {}

    /**
     * Reads one frame.
     *
     * @return the payload, or {@code null} if the peer closed the connection between frames
     * @throws FrameException if the frame is larger than allowed or the stream ends inside it
     */
    public static byte[] read(ReadableByteChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        if (!fill(channel, header)) {
            if (header.position() == 0) {
                return null;
            }
            throw new FrameException("truncated frame: connection closed inside the 4-byte length");
        }
        long length = Integer.toUnsignedLong(header.flip().getInt());
        if (length > MAX_FRAME_BYTES) {
            throw new FrameException("frame of " + length + " bytes exceeds the limit of " + MAX_FRAME_BYTES);
        }
        ByteBuffer payload = ByteBuffer.allocate((int) length);
        if (!fill(channel, payload)) {
            throw new FrameException("truncated frame: expected " + length + " bytes, connection closed after "
                    + payload.position());
        }
        return payload.array();
    }

    /** Writes one frame; refuses payloads over the limit before writing anything. */
    public static void write(WritableByteChannel channel, byte[] payload) throws IOException {
        if (payload.length > MAX_FRAME_BYTES) {
            throw new FrameException("frame of " + payload.length + " bytes exceeds the limit of " + MAX_FRAME_BYTES);
        }
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        frame.putInt(payload.length).put(payload).flip();
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
    }

    /** Reads until {@code buffer} is full; false if the stream ended first. */
    private static boolean fill(ReadableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A frame that breaks the format; the connection cannot be trusted to stay in step after it. */
    public static final class FrameException extends IOException {
        private static final long serialVersionUID = 1L;

        FrameException(String message) {
            super(message);
        }
    }
}
