package org.mxagent.transport.syncv2.impl;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits that end early when the component stops: backoff and rate-limit pauses wait on this instead of
 * sleeping, so deactivation never waits for a 60 s backoff to run out.
 */
final class StopSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);

    void stop() {
        stopped.countDown();
    }

    boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /** Waits up to {@code duration}; returns false if stopped meanwhile. */
    boolean pause(Duration duration) throws InterruptedException {
        if (duration.isZero() || duration.isNegative()) {
            return !isStopped();
        }
        return !stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }
}
