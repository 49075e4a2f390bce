package org.mxagent.shell.impl;

import java.time.Duration;
import java.time.Instant;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.SyncStatus;

/** The text of {@code mx:sync}. */
final class SyncReport {
    private SyncReport() {}

    static String format(MatrixSession session, SyncStatus status, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("account:      ").append(session.userId()).append(" on ").append(session.homeserver()).append('\n');
        out.append("state:        ").append(status.running() ? "running" : "stopped").append('\n');
        out.append("since token:  ").append(status.since() == null ? "(none yet)" : status.since()).append('\n');
        out.append("last sync:    ").append(ago(status.lastSuccessAt(), now)).append('\n');
        out.append("round trip:   ").append(status.lastRoundTripMillis()).append(" ms\n");
        out.append("syncs:        ").append(status.completedSyncs()).append(" completed, ")
                .append(status.eventsDelivered()).append(" events delivered\n");
        out.append("failures:     ").append(status.consecutiveFailures()).append(" in a row\n");
        out.append("backoff:      ").append(until(status.backoffUntil(), now)).append('\n');
        out.append("rate limited: ").append(until(status.rateLimitedUntil(), now));
        if (status.lastError() != null) {
            out.append("\nlast error:   ").append(status.lastError());
        }
        return out.toString();
    }

    private static String ago(Instant then, Instant now) {
        return then == null ? "never" : then + " (" + Duration.between(then, now).toMillis() + " ms ago)";
    }

    private static String until(Instant then, Instant now) {
        return then == null || !then.isAfter(now) ? "no" : "until " + then + " (" + Duration.between(now, then).toMillis()
                + " ms)";
    }
}
