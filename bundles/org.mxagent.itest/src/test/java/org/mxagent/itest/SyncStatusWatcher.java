package org.mxagent.itest;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.SyncStatus;

/**
 * Samples {@link MatrixClient#syncStatus()} every 20 ms and completes the conditions tests wait on, so a test can
 * register "the sync loop fails" before causing an outage and never miss the moment, without sleeping.
 */
final class SyncStatusWatcher implements AutoCloseable {
    private record Waiter(Predicate<SyncStatus> condition, CompletableFuture<SyncStatus> result) {}

    private final MatrixClient client;
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sync status watcher");
        thread.setDaemon(true);
        return thread;
    });
    private volatile SyncStatus latest;
    private volatile int mostConsecutiveFailures;

    SyncStatusWatcher(MatrixClient client) {
        this.client = client;
        sampler.scheduleWithFixedDelay(this::sample, 0, 20, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        SyncStatus status;
        try {
            status = client.syncStatus();
        } catch (RuntimeException e) {
            waiters.forEach(waiter -> waiter.result().completeExceptionally(e));
            return;
        }
        latest = status;
        mostConsecutiveFailures = Math.max(mostConsecutiveFailures, status.consecutiveFailures());
        for (Waiter waiter : waiters) {
            if (waiter.condition().test(status)) {
                waiter.result().complete(status);
                waiters.remove(waiter);
            }
        }
    }

    /** Completes with the first sampled status that satisfies {@code condition} (from now on). */
    CompletableFuture<SyncStatus> when(Predicate<SyncStatus> condition) {
        CompletableFuture<SyncStatus> result = new CompletableFuture<>();
        waiters.add(new Waiter(condition, result));
        return result;
    }

    SyncStatus await(Predicate<SyncStatus> condition, String what, long seconds) throws InterruptedException {
        return await(when(condition), what, seconds);
    }

    SyncStatus await(CompletableFuture<SyncStatus> condition, String what, long seconds)
            throws InterruptedException {
        try {
            return condition.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("timed out after " + seconds + " s waiting for " + what + "; last sync status: " + latest);
        } catch (ExecutionException e) {
            return fail("reading the sync status failed while waiting for " + what, e.getCause());
        }
    }

    /** The highest {@code consecutiveFailures} seen since the watcher started. */
    int mostConsecutiveFailures() {
        return mostConsecutiveFailures;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
