package org.mxagent.terminal.api.stream;

import java.time.Duration;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The sender's rate limit as seen by a {@link StreamChunker}: the chunker asks before an optional flush (interval,
 * newline) and, while the pacer says wait, keeps collecting output into fewer, larger chunks instead of dropping
 * any. Full chunks and end-of-stream are never held back. Implementations are shared by all streams of a sender
 * and must be thread-safe.
 */
@ConsumerType
public interface SendPacer {
    /** No rate limit: every flush may happen at once. */
    SendPacer UNLIMITED = new SendPacer() {
        @Override
        public long delayNanos(long nowNanos) {
            return 0;
        }

        @Override
        public void acquire(long nowNanos) {
            // Nothing to account for without a limit.
        }
    };

    /** 0 if an event may be sent at {@code nowNanos}, else how many nanoseconds until one may. */
    long delayNanos(long nowNanos);

    /** An event is being sent now (it may overdraw the budget: the next delays grow accordingly). */
    void acquire(long nowNanos);

    /** The server answered 429 with this Retry-After: hold optional sends until then. */
    default void retryAfter(Duration retryAfter, long nowNanos) {
        // Pacers without a notion of server back-off ignore it.
    }
}
