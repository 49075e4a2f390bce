package org.mxagent.daemon.impl.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.mxagent.daemon.impl.JsonRpc;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.SyncStatus;

/** Transport values as the JSON the CLI shows: snake_case names, ISO-8601 times, null for "never". */
public final class MatrixJson {
    private MatrixJson() {}

    public static ObjectNode session(MatrixSession session) {
        ObjectNode json = JsonRpc.MAPPER.createObjectNode();
        json.put("homeserver", session.homeserver().toString());
        json.put("user_id", session.userId());
        json.put("device_id", session.deviceId());
        return json;
    }

    public static ObjectNode sync(SyncStatus status) {
        ObjectNode json = JsonRpc.MAPPER.createObjectNode();
        json.put("running", status.running());
        json.put("since", status.since());
        json.put("last_success_at", iso(status.lastSuccessAt()));
        json.put("last_round_trip_ms", status.lastRoundTripMillis());
        json.put("completed_syncs", status.completedSyncs());
        json.put("events_delivered", status.eventsDelivered());
        json.put("consecutive_failures", status.consecutiveFailures());
        json.put("backoff_until", iso(status.backoffUntil()));
        json.put("rate_limited_until", iso(status.rateLimitedUntil()));
        json.put("last_error", status.lastError());
        return json;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
