package org.mxagent.terminal.api;

import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.terminal.api.stream.SendPacer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives a run's output as unsigned {@code stream.chunk} records. Per stream, chunks arrive in {@code seq} order
 * and end with the {@code eof} marker before {@link RunningExec#onFinished()} completes; different streams call
 * from different threads. Implementations must be thread-safe and must not block (queue the send): a slow sink
 * holds up the reading of the child's output.
 */
@ConsumerType
public interface OutputSink {
    void chunk(StreamChunk chunk);

    /** The sender's rate limit; shared by all streams of the run. */
    default SendPacer pacer() {
        return SendPacer.UNLIMITED;
    }
}
