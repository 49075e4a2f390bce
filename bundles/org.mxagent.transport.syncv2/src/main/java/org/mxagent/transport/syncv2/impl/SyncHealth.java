package org.mxagent.transport.syncv2.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.mxagent.transport.api.SyncStatus;

/** What the sync loop has been doing, kept for {@code mx:sync} and {@code daemon status}. */
final class SyncHealth {
    private final Clock clock;
    private boolean running;
    private String since;
    private Instant lastSuccessAt;
    private long lastRoundTripMillis;
    private long completedSyncs;
    private long eventsDelivered;
    private int consecutiveFailures;
    private Instant backoffUntil;
    private Instant rateLimitedUntil;
    private String lastError;

    SyncHealth(Clock clock) {
        this.clock = clock;
    }

    synchronized void started(String since) {
        this.running = true;
        this.since = since;
    }

    synchronized void stopped() {
        running = false;
    }

    synchronized void succeeded(String nextBatch, long roundTripMillis, int events) {
        since = nextBatch;
        lastSuccessAt = clock.instant();
        lastRoundTripMillis = roundTripMillis;
        completedSyncs++;
        eventsDelivered += events;
        consecutiveFailures = 0;
        backoffUntil = null;
    }

    synchronized void failed(String error, Duration backoff) {
        consecutiveFailures++;
        lastError = error;
        backoffUntil = clock.instant().plus(backoff);
    }

    /** An end-to-end encryption step failed without failing the sync: shown as the last error. */
    synchronized void e2eeFailed(String error) {
        lastError = error;
    }

    synchronized void rateLimited(Duration wait) {
        rateLimitedUntil = clock.instant().plus(wait);
    }

    synchronized void fatal(String error) {
        lastError = error;
        running = false;
    }

    synchronized SyncStatus snapshot() {
        return new SyncStatus(running, since, lastSuccessAt, lastRoundTripMillis, completedSyncs, eventsDelivered,
                consecutiveFailures, backoffUntil, rateLimitedUntil, lastError);
    }
}
