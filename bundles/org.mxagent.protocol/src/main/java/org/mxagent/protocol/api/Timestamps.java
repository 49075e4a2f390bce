package org.mxagent.protocol.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The protocol's time encodings. Request and authorization fields ({@code created_at}, {@code expires_at}) are
 * RFC 3339 UTC with second precision and {@code Z}; the stream chunk {@code timestamp} has exactly three fraction
 * digits; {@code last_seen_ts}, {@code attached_at} and heartbeat {@code ts} are integer Unix milliseconds.
 */
public final class Timestamps {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private Timestamps() {}

    /** {@code 2026-01-02T03:04:05Z}: sub-second part dropped (truncated, not rounded). */
    public static String seconds(Instant instant) {
        return SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /** {@code 2026-01-02T03:04:05.678Z}: always three fraction digits. */
    public static String millis(Instant instant) {
        return MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    }

    /** Integer Unix milliseconds. */
    public static long unixMillis(Instant instant) {
        return instant.toEpochMilli();
    }

    /**
     * Parses an ISO-8601 offset date-time ({@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}: offset {@code Z} or
     * {@code +hh:mm}, optional fraction), which covers every RFC 3339 form a peer sends.
     *
     * @throws DateTimeParseException if the text is not such a date-time
     */
    public static Instant parse(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
