package org.mxagent.itest;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Re-checks a condition on a schedule until it holds, for state the homeserver updates asynchronously (e.g.
 * its room directory index): a scheduled executor and a future, no sleeping thread.
 */
final class Eventually {
    private Eventually() {}

    static void await(String what, Callable<Boolean> condition, Duration timeout) throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    if (condition.call()) {
                        done.complete(null);
                    }
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            }, 0, 250, TimeUnit.MILLISECONDS);
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + timeout + " waiting for " + what, e);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
