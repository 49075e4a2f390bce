package org.mxagent.terminal.impl;

import java.util.concurrent.atomic.AtomicLong;

/** {@code max_output_bytes} across all streams of a run: what fits is kept, the rest is counted and dropped. */
final class OutputCap {
    private final long limit;
    private final AtomicLong kept = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /** @param limit bytes to keep; {@link Long#MAX_VALUE} for no cap */
    OutputCap(long limit) {
        this.limit = limit;
    }

    /** How many of the next {@code length} bytes may be kept. */
    int admit(int length) {
        while (true) {
            long before = kept.get();
            long room = limit - before;
            int admitted = (int) Math.max(0, Math.min(length, room));
            if (kept.compareAndSet(before, before + admitted)) {
                dropped.addAndGet(length - admitted);
                return admitted;
            }
        }
    }

    boolean truncated() {
        return dropped.get() > 0;
    }

    long dropped() {
        return dropped.get();
    }
}
