package org.mxagent.bench.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Latency samples in milliseconds: p50, p99 (nearest rank), min, max. */
final class Stats {
    private final List<Double> millis = new ArrayList<>();

    void add(long nanos) {
        millis.add(nanos / 1e6);
    }

    double p(double percentile) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    int count() {
        return millis.size();
    }

    String summary() {
        return String.format(Locale.ROOT, "p50 %7.1f ms  p99 %7.1f ms  (min %.1f, max %.1f, n=%d)", p(50), p(99),
                p(0), p(100), count());
    }
}
