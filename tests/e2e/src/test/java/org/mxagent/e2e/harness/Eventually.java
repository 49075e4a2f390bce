package org.mxagent.e2e.harness;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;

/**
 * Waits for a condition by polling a probe until it holds or a deadline passes; the pause between attempts is
 * {@link LockSupport#parkNanos}. Never a fixed "let it settle" delay: the wait ends as soon as the condition
 * holds, and a timeout fails with what was awaited, the last value seen and the last probe failure.
 *
 * <pre>
 * JsonNode status = Eventually.await("a completed sync", runtime::status,
 *         s -&gt; s.path("sync").path("completed_syncs").asLong() &gt;= 1);
 * Eventually.within(Duration.ofSeconds(60)).every(Duration.ofSeconds(1)).until("…", probe, condition);
 * </pre>
 */
public final class Eventually {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);

    /** Like a {@link java.util.function.Supplier} that may fail; a failing attempt is retried. */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws Exception;
    }

    private final Duration timeout;
    private final Duration interval;

    private Eventually(Duration timeout, Duration interval) {
        if (timeout.isNegative() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("timeout must be >= 0 and interval > 0");
        }
        this.timeout = timeout;
        this.interval = interval;
    }

    public static Eventually within(Duration timeout) {
        return new Eventually(timeout, DEFAULT_INTERVAL);
    }

    public Eventually every(Duration newInterval) {
        return new Eventually(timeout, newInterval);
    }

    /** {@link #until} with the default timeout (30 s) and interval (200 ms). */
    public static <T> T await(String what, Probe<T> probe, Predicate<? super T> condition) {
        return within(DEFAULT_TIMEOUT).until(what, probe, condition);
    }

    /**
     * Calls {@code probe} until {@code condition} accepts its value, and returns that value. A probe that throws
     * (an exception or an {@link AssertionError}, e.g. a CLI call that did not succeed yet) counts as "not yet".
     */
    public <T> T until(String what, Probe<T> probe, Predicate<? super T> condition) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        int attempts = 0;
        Object last = null;
        boolean sawValue = false;
        Throwable lastFailure = null;
        while (true) {
            attempts++;
            try {
                T value = probe.get();
                if (condition.test(value)) {
                    return value;
                }
                last = value;
                sawValue = true;
                lastFailure = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting for " + what, e);
            } catch (Exception | AssertionError e) {
                lastFailure = e;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                StringBuilder message = new StringBuilder("timed out after ")
                        .append(Duration.ofNanos(System.nanoTime() - started).toMillis()).append(" ms (")
                        .append(attempts).append(attempts == 1 ? " attempt" : " attempts").append(") waiting for ")
                        .append(what);
                if (lastFailure != null) {
                    message.append("; the last attempt failed: ").append(lastFailure);
                } else if (sawValue) {
                    message.append("; last value:\n").append(last);
                }
                throw new AssertionFailedError(message.toString(), lastFailure);
            }
            LockSupport.parkNanos(Math.min(interval.toNanos(), remaining));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting for " + what);
            }
        }
    }
}
