package org.mxagent.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The last lines a daemon wrote to its log since a given offset: what to show when it failed to start. */
final class LogTail {
    private static final int MAX_BYTES = 16 * 1024;

    private LogTail() {}

    static String since(Path log, long offset, int maxLines) throws IOException {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            long start = Math.max(offset, channel.size() - MAX_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, channel.size() - start));
            while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) >= 0) {
                // read until the buffer is full or the file ends
            }
            return lastLines(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8), maxLines);
        }
    }

    /** The last {@code maxLines} lines of {@code text}, or all of it if it has fewer. */
    static String lastLines(String text, int maxLines) {
        int from = text.endsWith("\n") ? text.length() - 1 : text.length();
        for (int lines = 0; lines < maxLines; lines++) {
            int newline = from > 0 ? text.lastIndexOf('\n', from - 1) : -1;
            if (newline < 0) {
                return text;
            }
            from = newline;
        }
        return text.substring(from + 1);
    }
}
