package org.mxagent.transport.api;

import java.time.Instant;

/**
 * A snapshot of the sync loop. {@code lastError} is a readable message (never a token); times are null
 * when the thing has not happened.
 */
public record SyncStatus(
        boolean running,
        String since,
        Instant lastSuccessAt,
        long lastRoundTripMillis,
        long completedSyncs,
        long eventsDelivered,
        int consecutiveFailures,
        Instant backoffUntil,
        Instant rateLimitedUntil,
        String lastError) {
}
