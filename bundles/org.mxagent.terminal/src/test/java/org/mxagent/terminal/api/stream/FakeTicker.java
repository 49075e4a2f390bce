package org.mxagent.terminal.api.stream;

import java.time.Duration;
import java.time.Instant;

/** A clock the test moves by hand. */
final class FakeTicker implements Ticker {
    private long nanos = 1_000_000_000L;
    private Instant wall = Instant.parse("2026-03-01T12:00:00Z");

    void advance(Duration duration) {
        nanos += duration.toNanos();
        wall = wall.plus(duration);
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public Instant now() {
        return wall;
    }
}
