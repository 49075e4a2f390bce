package org.mxagent.daemon.impl.shell;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What one command printed. A Gogo session keeps its streams for life, so the session writes here and each
 * call takes the text and starts afresh. Bounded, so a runaway command cannot exhaust the daemon's heap or
 * produce a reply over the frame limit.
 */
final class CapturedOutput extends OutputStream {
    static final int LIMIT_BYTES = 4 * 1024 * 1024;

    private byte[] buffer = new byte[256];
    private int size;
    private long dropped;

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int kept = Math.min(length, LIMIT_BYTES - size);
        if (kept > 0) {
            if (size + kept > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(LIMIT_BYTES, Math.max(size + kept, 2 * buffer.length)));
            }
            System.arraycopy(bytes, offset, buffer, size, kept);
            size += kept;
        }
        dropped += length - kept;
    }

    /** The text so far, with a note if some was dropped; empties the buffer for the next call. */
    synchronized String take() {
        String text = new String(buffer, 0, size, StandardCharsets.UTF_8);
        if (dropped > 0) {
            text += "\n[output truncated: " + dropped + " more bytes]\n";
        }
        size = 0;
        dropped = 0;
        if (buffer.length > 64 * 1024) {
            buffer = new byte[256];
        }
        return text;
    }
}
