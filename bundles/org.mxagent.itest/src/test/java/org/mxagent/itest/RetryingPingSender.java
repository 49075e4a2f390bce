package org.mxagent.itest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends the numbered pings of one run as an outside user over plain HTTP, one attempt per {@link #tick()}
 * (driven by a scheduled executor), and then a fence event. Unlike {@link PingSender} it rides out a homeserver
 * that is down or rate-limiting for a while: a failed attempt (network error, 5xx, 429) is repeated on the next
 * tick with the same transaction id, so a send whose reply was lost is not stored twice. It gives up only when
 * no send succeeded for {@link #STALL_LIMIT_SECONDS}. Pings beyond {@link #allowUpTo(int)} wait, so a test can
 * make sure some are sent only after an outage.
 */
final class RetryingPingSender {
    static final long STALL_LIMIT_SECONDS = 90;

    private final DevHomeserver homeserver;
    private final DevHomeserver.User sender;
    private final String roomId;
    private final String runId;
    private final int count;
    private final List<String> sentIds = new ArrayList<>();
    private final CompletableFuture<List<String>> allSent = new CompletableFuture<>();
    private int allowed;
    private int rateLimited;
    private int networkErrors;
    private int serverErrors;
    private long lastProgressNanos = System.nanoTime();

    RetryingPingSender(DevHomeserver homeserver, DevHomeserver.User sender, String roomId, String runId, int count,
            int allowed) {
        this.homeserver = homeserver;
        this.sender = sender;
        this.roomId = roomId;
        this.runId = runId;
        this.count = count;
        this.allowed = allowed;
    }

    /** One attempt at the next ping (or the fence after the last one); never throws. */
    void tick() {
        int seq;
        synchronized (this) {
            seq = sentIds.size();
            if (allSent.isDone() || (seq < count && seq >= allowed)) {
                return;
            }
        }
        boolean fence = seq == count;
        ObjectNode content = homeserver.mapper().createObjectNode();
        content.put("run", runId);
        if (fence) {
            content.put("fence", true);
        } else {
            content.put("seq", seq);
        }
        try {
            String eventId = homeserver.send(sender, roomId, PingRecorder.TYPE, runId + "-" + (fence ? "fence" : seq),
                    content);
            synchronized (this) {
                lastProgressNanos = System.nanoTime();
                if (fence) {
                    allSent.complete(List.copyOf(sentIds));
                } else {
                    sentIds.add(eventId);
                }
                notifyAll();
            }
        } catch (DevHomeserver.HttpStatusException e) {
            synchronized (this) {
                if (e.isRateLimited()) {
                    rateLimited++;
                } else if (e.status >= 500) {
                    serverErrors++;
                } else {
                    fail(new AssertionError("sending ping " + seq + " was refused", e));
                    return;
                }
            }
            checkStall(seq, e);
        } catch (IOException e) {
            synchronized (this) {
                networkErrors++;
            }
            checkStall(seq, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private synchronized void checkStall(int seq, Exception last) {
        if (System.nanoTime() - lastProgressNanos > TimeUnit.SECONDS.toNanos(STALL_LIMIT_SECONDS)) {
            fail(new AssertionError("no send succeeded for " + STALL_LIMIT_SECONDS + " s (at ping " + seq + ")", last));
        }
    }

    private synchronized void fail(Throwable failure) {
        allSent.completeExceptionally(failure);
        notifyAll();
    }

    /** Lets the sender go on up to {@code target} pings (the fence follows the last of all {@code count}). */
    synchronized void allowUpTo(int target) {
        allowed = Math.max(allowed, target);
        lastProgressNanos = System.nanoTime();
    }

    synchronized int sent() {
        return sentIds.size();
    }

    synchronized int rateLimited() {
        return rateLimited;
    }

    synchronized int networkErrors() {
        return networkErrors;
    }

    synchronized int serverErrors() {
        return serverErrors;
    }

    /** The ping event ids in sending order, once the fence after the last one went out. */
    CompletableFuture<List<String>> allSent() {
        return allSent;
    }
}
