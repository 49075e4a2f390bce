package org.mxagent.exec.impl.wire;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.mxagent.transport.api.MatrixException;

/**
 * How long a send keeps trying through a transient failure (the homeserver restarting, unreachable, 5xx), on top
 * of the transport's own few retries: waits 1 s, doubling to {@link #MAX_WAIT}, until {@code window} has passed
 * since the first attempt. The caller reuses one transaction id for every attempt, so the homeserver stores the
 * event once however often it was sent.
 */
public final class SendRetry {
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofSeconds(15);

    /** Waits between attempts; interruptible (the runtime stopping). */
    @FunctionalInterface
    public interface Pause {
        void pause(long millis) throws InterruptedException;
    }

    /** Told about each failed attempt that will be tried again. */
    @FunctionalInterface
    public interface Listener {
        void retrying(int failures, MatrixException failure, long waitMillis);

        Listener NONE = (failures, failure, waitMillis) -> { };
    }

    /** One attempt of the send. */
    @FunctionalInterface
    interface Attempt {
        String run() throws MatrixException;
    }

    private final long windowNanos;
    private final Pause pause;
    private final LongSupplier nanoClock;

    public SendRetry(Duration window, Pause pause, LongSupplier nanoClock) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("the retry window must be >= 0: " + window);
        }
        this.windowNanos = window.toNanos();
        this.pause = pause;
        this.nanoClock = nanoClock;
    }

    /** Sleeping, on the system's monotonic clock. */
    public static SendRetry within(Duration window) {
        return new SendRetry(window, Thread::sleep, System::nanoTime);
    }

    /** Runs {@code attempt} until it succeeds, fails for good, or the window is spent (then its last failure). */
    String run(Attempt attempt, Listener listener) throws MatrixException {
        long started = nanoClock.getAsLong();
        long wait = FIRST_WAIT.toMillis();
        for (int failures = 1;; failures++) {
            try {
                return attempt.run();
            } catch (MatrixException e) {
                long left = windowNanos - (nanoClock.getAsLong() - started);
                if (!e.isTransient() || left <= 0) {
                    throw e;
                }
                long thisWait = Math.min(wait, TimeUnit.NANOSECONDS.toMillis(left) + 1);
                listener.retrying(failures, e, thisWait);
                try {
                    pause.pause(thisWait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(interrupted);
                    throw e;
                }
                wait = Math.min(wait * 2, MAX_WAIT.toMillis());
            }
        }
    }
}
