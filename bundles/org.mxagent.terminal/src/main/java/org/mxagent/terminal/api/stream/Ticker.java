package org.mxagent.terminal.api.stream;

import java.time.Instant;

/** Time for the stream code: a monotonic clock for intervals and the wall clock for chunk timestamps. */
public interface Ticker {
    /** The system's clocks. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }
    };

    /** Monotonic nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
    long nanoTime();

    /** Wall-clock time for {@code timestamp} fields. */
    Instant now();
}
