package org.mxagent.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** "12 s ago", "4 min ago", "3 h ago", "2 d ago": how long ago a millisecond time was, for people. */
final class Ages {
    private Ages() {}

    /** {@code thenMillis} relative to {@code nowMillis}; a time in the future (clock skew) reads "just now". */
    static String ago(long thenMillis, long nowMillis) {
        long seconds = (nowMillis - thenMillis) / 1000;
        if (seconds <= 0) {
            return "just now";
        }
        if (seconds < 120) {
            return seconds + " s ago";
        }
        long minutes = seconds / 60;
        if (minutes < 120) {
            return minutes + " min ago";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h ago";
        }
        return hours / 24 + " d ago";
    }

    /** {@link #ago} of a JSON member in milliseconds, or "never" when it is missing or not positive. */
    static String agoOrNever(Object millis, long nowMillis) {
        return millis instanceof Number number && number.longValue() > 0 ? ago(number.longValue(), nowMillis)
                : "never";
    }

    /** An RFC 3339 time for Unix seconds, or "-" when missing. */
    static String seconds(Object unixSeconds) {
        return unixSeconds instanceof Number number ? Instant.ofEpochSecond(number.longValue()).toString() : "-";
    }

    /** An RFC 3339 time (whole seconds) for Unix milliseconds, or "-" when missing. */
    static String millis(Object unixMillis) {
        return unixMillis instanceof Number number && number.longValue() > 0
                ? Instant.ofEpochMilli(number.longValue()).truncatedTo(ChronoUnit.SECONDS).toString() : "-";
    }
}
