package org.mxagent.cli;

import java.util.Map;

/** The human form of a {@code daemon.status} result: one "label  value" line per fact. */
final class StatusView {
    private StatusView() {}

    static String render(Map<String, Object> status) {
        StringBuilder text = new StringBuilder();
        line(text, "daemon", "running (pid " + Json.number(status, "pid", -1) + ", up "
                + duration(Json.number(status, "uptime_ms", 0)) + ")");
        line(text, "version", orDash(Json.string(status, "version")));
        line(text, "socket", orDash(Json.string(status, "socket")));
        if (Json.string(status, "log") != null) {
            line(text, "log", Json.string(status, "log"));
        }
        Map<String, Object> bundles = Json.object(status, "bundles");
        if (!bundles.isEmpty()) {
            line(text, "bundles", Json.number(bundles, "active", 0) + " of " + Json.number(bundles, "total", 0)
                    + " active");
        }
        line(text, "session", session(status));
        if (Json.isObject(status.get("sync"))) {
            sync(text, Json.object(status, "sync"));
        } else if (Json.isObject(status.get("session"))) {
            line(text, "sync", "not running");
        }
        return text.toString();
    }

    private static String session(Map<String, Object> status) {
        if (!Json.isObject(status.get("session"))) {
            return status.get("transport") == Boolean.FALSE ? "no Matrix transport in this runtime" : "not logged in";
        }
        Map<String, Object> session = Json.object(status, "session");
        return Json.string(session, "user_id") + " on " + Json.string(session, "homeserver") + " (device "
                + Json.string(session, "device_id") + ")";
    }

    private static void sync(StringBuilder text, Map<String, Object> sync) {
        StringBuilder summary = new StringBuilder(Json.flag(sync, "running") ? "running" : "stopped");
        String lastSuccess = Json.string(sync, "last_success_at");
        summary.append("; last sync ").append(lastSuccess == null ? "never" : lastSuccess);
        if (lastSuccess != null) {
            summary.append(" (round trip ").append(Json.number(sync, "last_round_trip_ms", 0)).append(" ms)");
        }
        summary.append("; ").append(Json.number(sync, "consecutive_failures", 0)).append(" failures in a row");
        line(text, "sync", summary.toString());
        line(text, "", Json.number(sync, "completed_syncs", 0) + " syncs, " + Json.number(sync, "events_delivered", 0)
                + " events delivered");
        optional(text, "rate limited until ", Json.string(sync, "rate_limited_until"));
        optional(text, "backing off until ", Json.string(sync, "backoff_until"));
        optional(text, "last error: ", Json.string(sync, "last_error"));
    }

    /** "3d 4h", "2h 5m", "4m 10s", "12s". */
    static String duration(long millis) {
        long seconds = Math.max(0, millis / 1000);
        long days = seconds / 86_400;
        long hours = seconds / 3_600 % 24;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        if (minutes > 0) {
            return minutes + "m " + secs + "s";
        }
        return secs + "s";
    }

    private static void optional(StringBuilder text, String prefix, String value) {
        if (value != null) {
            line(text, "", prefix + value);
        }
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(label);
        for (int i = label.length(); i < 10; i++) {
            text.append(' ');
        }
        text.append(value).append('\n');
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
