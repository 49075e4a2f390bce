package org.mxagent.adapter.spi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An {@link OutputParser} for line-oriented output: splits each channel on {@code \n} (a trailing {@code \r} is
 * dropped), decodes UTF-8, and keeps the last lines of stderr for error messages. Not thread-safe (the runner
 * serialises calls).
 */
public abstract class LineParser implements OutputParser {
    private static final int MAX_LINE = 16 << 20;
    private static final int STDERR_TAIL_LINES = 20;
    private final Map<OutputChannel, ByteArrayOutputStream> partial = new EnumMap<>(OutputChannel.class);
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private boolean terminalSeen;

    @Override
    public final void output(OutputChannel channel, byte[] data, Consumer<Progress> progress) {
        Consumer<Progress> tracking = track(progress);
        ByteArrayOutputStream buffer = partial.computeIfAbsent(channel, c -> new ByteArrayOutputStream());
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                buffer.write(data, start, i - start);
                emit(channel, buffer, tracking);
                start = i + 1;
            }
        }
        buffer.write(data, start, data.length - start);
        if (buffer.size() > MAX_LINE) {
            emit(channel, buffer, tracking);
        }
    }

    @Override
    public final void finished(ExitInfo exit, Consumer<Progress> progress) {
        Consumer<Progress> tracking = track(progress);
        for (Map.Entry<OutputChannel, ByteArrayOutputStream> entry : partial.entrySet()) {
            if (entry.getValue().size() > 0) {
                emit(entry.getKey(), entry.getValue(), tracking);
            }
        }
        end(exit, terminalSeen, tracking);
    }

    /** One complete line, without its line end. */
    protected abstract void line(OutputChannel channel, String line, Consumer<Progress> progress);

    /**
     * All lines were delivered. {@code terminalSeen} says whether a RESULT or ERROR was already emitted; if not,
     * this must emit one.
     */
    protected abstract void end(ExitInfo exit, boolean terminalSeen, Consumer<Progress> progress);

    /** The last lines of stderr (up to 20), joined with newlines; empty if there were none. */
    protected final String stderrTail() {
        return String.join("\n", stderrTail);
    }

    private Consumer<Progress> track(Consumer<Progress> progress) {
        return event -> {
            if (event.terminal()) {
                terminalSeen = true;
            }
            progress.accept(event);
        };
    }

    private void emit(OutputChannel channel, ByteArrayOutputStream buffer, Consumer<Progress> progress) {
        String text = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (channel == OutputChannel.STDERR && !text.isBlank()) {
            stderrTail.addLast(text);
            if (stderrTail.size() > STDERR_TAIL_LINES) {
                stderrTail.removeFirst();
            }
        }
        line(channel, text, progress);
    }
}
