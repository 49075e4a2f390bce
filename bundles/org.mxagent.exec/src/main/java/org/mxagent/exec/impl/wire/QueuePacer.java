package org.mxagent.exec.impl.wire;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.mxagent.terminal.api.stream.SendPacer;

/**
 * Back-pressure from the real send path: while more than {@code threshold} events of a run wait to be sent (the
 * transport is retrying a 429 after its Retry-After, or the homeserver is slow), optional flushes are held and the
 * chunker coalesces output into fewer, larger chunks. Nothing is dropped; full chunks and EOF always go.
 */
public final class QueuePacer implements SendPacer {
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final IntSupplier backlog;
    private final int threshold;

    public QueuePacer(IntSupplier backlog, int threshold) {
        this.backlog = backlog;
        this.threshold = threshold;
    }

    @Override
    public long delayNanos(long nowNanos) {
        return backlog.getAsInt() > threshold ? RECHECK_NANOS : 0;
    }

    @Override
    public void acquire(long nowNanos) {
        // The queue itself is the budget: nothing to account for here.
    }
}
