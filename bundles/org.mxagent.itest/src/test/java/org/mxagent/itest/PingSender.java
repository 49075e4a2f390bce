package org.mxagent.itest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends the numbered ping events of one run as a second user, one per {@link #tick()} (driven at a steady
 * pace by a scheduled executor). A failed send is retried on the next tick with the same transaction id,
 * so the server never stores it twice; rate limiting (429) is waited out the same way.
 */
final class PingSender {
    private static final int MAX_CONSECUTIVE_FAILURES = 50;

    private final DevHomeserver homeserver;
    private final DevHomeserver.User sender;
    private final String roomId;
    private final String runId;
    private final int count;
    private final List<String> sentIds = new ArrayList<>();
    private final CompletableFuture<List<String>> allSent = new CompletableFuture<>();
    private int consecutiveFailures;

    PingSender(DevHomeserver homeserver, DevHomeserver.User sender, String roomId, String runId, int count) {
        this.homeserver = homeserver;
        this.sender = sender;
        this.roomId = roomId;
        this.runId = runId;
        this.count = count;
    }

    /** Sends the next ping; never throws (an exception would silently cancel a scheduled task). */
    void tick() {
        int seq;
        synchronized (this) {
            seq = sentIds.size();
            if (seq >= count || allSent.isDone()) {
                return;
            }
        }
        ObjectNode content = homeserver.mapper().createObjectNode();
        content.put("run", runId);
        content.put("seq", seq);
        try {
            String eventId = homeserver.send(sender, roomId, PingRecorder.TYPE, runId + "-" + seq, content);
            synchronized (this) {
                sentIds.add(eventId);
                consecutiveFailures = 0;
                if (sentIds.size() == count) {
                    allSent.complete(List.copyOf(sentIds));
                }
                notifyAll();
            }
        } catch (IOException e) {
            synchronized (this) {
                if (++consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
                    fail(new AssertionError(
                            "sending ping " + seq + " failed " + consecutiveFailures + " times in a row", e));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private synchronized void fail(Throwable failure) {
        allSent.completeExceptionally(failure);
        notifyAll();
    }

    synchronized int sent() {
        return sentIds.size();
    }

    /** Waits until at least {@code target} pings were sent (or all were); false on timeout. */
    synchronized boolean awaitSent(int target, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (sentIds.size() < Math.min(target, count) && !allSent.isCompletedExceptionally()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return sentIds.size() >= Math.min(target, count);
    }

    /** The event ids in sending order, once all pings went out. */
    CompletableFuture<List<String>> allSent() {
        return allSent;
    }
}
