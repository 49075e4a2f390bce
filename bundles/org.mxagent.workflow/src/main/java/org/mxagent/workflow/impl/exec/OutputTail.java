package org.mxagent.workflow.impl.exec;

import org.mxagent.protocol.api.event.ChunkEncoding;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.OutputSink;

/** Keeps the last few hundred characters of a task's stdout for {@code task.v1.result.summary}. */
final class OutputTail implements OutputSink {
    private static final int KEEP = 400;
    private final StringBuilder tail = new StringBuilder();

    @Override
    public synchronized void chunk(StreamChunk chunk) {
        if (chunk.stream() == StreamName.STDOUT && chunk.encoding() == ChunkEncoding.UTF_8) {
            tail.append(chunk.data());
            if (tail.length() > KEEP) {
                tail.delete(0, tail.length() - KEEP);
            }
        }
    }

    synchronized String text() {
        return tail.toString().strip();
    }
}
