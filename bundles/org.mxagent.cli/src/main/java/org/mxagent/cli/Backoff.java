package org.mxagent.cli;

import java.util.concurrent.locks.LockSupport;

/**
 * Pauses between polls of an external process or socket: short at first so a quick daemon is seen quickly,
 * growing so a slow one is not hammered. This waits on the outside world, not on our own threads.
 */
final class Backoff {
    private static final long FIRST_NANOS = 20_000_000L;
    private static final long MAX_NANOS = 250_000_000L;

    private final long deadlineNanos;
    private long nextNanos = FIRST_NANOS;

    Backoff(long timeoutMillis) {
        this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
    }

    boolean expired() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    /** Waits the next interval (never past the deadline). */
    void pause() {
        long remaining = deadlineNanos - System.nanoTime();
        long wait = Math.min(nextNanos, remaining);
        long until = System.nanoTime() + wait;
        // parkNanos may return early; keep parking until the interval has passed.
        for (long left = wait; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
        nextNanos = Math.min(nextNanos * 3 / 2, MAX_NANOS);
    }
}
