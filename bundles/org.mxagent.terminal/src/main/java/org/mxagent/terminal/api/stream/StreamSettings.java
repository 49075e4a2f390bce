package org.mxagent.terminal.api.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * Chunking and offload limits (protocol.md §2.5).
 *
 * @param maxChunkBytes      largest decoded chunk; 16 KiB
 * @param interactiveFlush   flush interval for PTY or stdin-driven runs; 50 ms
 * @param batchFlush         flush interval otherwise; 250 ms
 * @param timelineBudgetBytes per-stream bytes sent as chunks; past it the full log goes to an artifact; 256 KiB
 */
public record StreamSettings(int maxChunkBytes, Duration interactiveFlush, Duration batchFlush,
        long timelineBudgetBytes) {
    public static final StreamSettings DEFAULTS =
            new StreamSettings(16 * 1024, Duration.ofMillis(50), Duration.ofMillis(250), 256 * 1024);

    public StreamSettings {
        if (maxChunkBytes < 4) {
            throw new IllegalArgumentException("maxChunkBytes must hold a whole UTF-8 character");
        }
        Objects.requireNonNull(interactiveFlush, "interactiveFlush");
        Objects.requireNonNull(batchFlush, "batchFlush");
        if (interactiveFlush.isNegative() || interactiveFlush.isZero() || batchFlush.isNegative()
                || batchFlush.isZero()) {
            throw new IllegalArgumentException("flush intervals must be positive");
        }
        if (timelineBudgetBytes < 0) {
            throw new IllegalArgumentException("timelineBudgetBytes must not be negative");
        }
    }

    public Duration flushInterval(boolean interactive) {
        return interactive ? interactiveFlush : batchFlush;
    }
}
