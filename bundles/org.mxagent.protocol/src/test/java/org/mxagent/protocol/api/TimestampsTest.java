package org.mxagent.protocol.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static final Instant T = Instant.parse("2026-01-15T10:00:01.999999Z");

    @Test
    void secondsAreTruncatedWithZ() {
        assertEquals("2026-01-15T10:00:01Z", Timestamps.seconds(T));
    }

    @Test
    void millisAlwaysHaveThreeDigits() {
        assertEquals("2026-01-15T10:00:01.999Z", Timestamps.millis(T));
        assertEquals("2026-01-15T10:00:01.000Z", Timestamps.millis(Instant.parse("2026-01-15T10:00:01Z")));
    }

    @Test
    void unixMillisAreIntegers() {
        assertEquals(1768471201999L, Timestamps.unixMillis(T));
    }

    @Test
    void parsesZuluOffsetsAndFractions() {
        assertEquals(Instant.parse("2026-01-15T10:00:01Z"), Timestamps.parse("2026-01-15T10:00:01Z"));
        assertEquals(Instant.parse("2026-01-15T10:00:01Z"), Timestamps.parse("2026-01-15T11:00:01+01:00"));
        assertEquals(Instant.parse("2026-01-15T10:00:01.250Z"), Timestamps.parse("2026-01-15T10:00:01.250Z"));
        assertThrows(DateTimeParseException.class, () -> Timestamps.parse("2026-01-15 10:00:01"));
        assertThrows(DateTimeParseException.class, () -> Timestamps.parse("2026-01-15T10:00:01"), "no offset");
    }
}
