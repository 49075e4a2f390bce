package org.mxagent.protocol.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UlidGeneratorTest {

    @Test
    void encodesTheTimestampLikeTheUlidSpecExample() {
        // ULID spec README: ulid(1469918176385) starts with 01ARYZ6S41
        assertEquals("01ARYZ6S41", UlidGenerator.encode(1469918176385L, new byte[10]).substring(0, 10));
        assertEquals("7ZZZZZZZZZ", UlidGenerator.encode((1L << 48) - 1, new byte[10]).substring(0, 10));
    }

    @Test
    void encodesTheRandomPartAsEightyBitsBigEndian() {
        byte[] oneToTen = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals("0000000000" + "041061050R3GG28A", UlidGenerator.encode(0, oneToTen));
        byte[] ones = new byte[10];
        Arrays.fill(ones, (byte) 0xff);
        assertEquals("ZZZZZZZZZZZZZZZZ", UlidGenerator.encode(0, ones).substring(10));
    }

    @Test
    void sameMillisecondIncrementsTheRandomPart() {
        UlidGenerator generator = new UlidGenerator(fixedClock(1_000), new FixedRandom((byte) 0));
        String first = generator.next();
        String second = generator.next();
        assertEquals("00000000Z8" + "0000000000000000", first);
        assertEquals("00000000Z8" + "0000000000000001", second);
        assertTrue(first.compareTo(second) < 0);
    }

    @Test
    void clockSteppingBackStillGivesIncreasingIds() {
        AtomicLong now = new AtomicLong(5_000);
        UlidGenerator generator = new UlidGenerator(clock(now), new Random(1));
        String first = generator.next();
        now.set(4_000);
        String second = generator.next();
        assertTrue(first.compareTo(second) < 0, first + " < " + second);
        assertEquals(first.substring(0, 10), second.substring(0, 10), "keeps the later timestamp");
    }

    @Test
    void overflowOfTheRandomPartAdvancesTheTimestamp() {
        UlidGenerator generator = new UlidGenerator(fixedClock(1_000), new FixedRandom((byte) 0xff));
        String first = generator.next();
        String second = generator.next();
        assertEquals("00000000Z8ZZZZZZZZZZZZZZZZ", first);
        assertEquals("00000000Z9", second.substring(0, 10));
        assertTrue(first.compareTo(second) < 0);
    }

    @Test
    void refusesAClockOutsideFortyEightBits() {
        assertThrows(IllegalStateException.class, () -> new UlidGenerator(fixedClock(1L << 48), new Random()).next());
    }

    @Test
    void validatesCanonicalUlids() {
        assertTrue(UlidGenerator.isUlid("01ARYZ6S41TSV4RRFFQ69G5FAV", 0));
        assertFalse(UlidGenerator.isUlid("01ARYZ6S41TSV4RRFFQ69G5FA", 0), "25 characters");
        assertFalse(UlidGenerator.isUlid("81ARYZ6S41TSV4RRFFQ69G5FAV", 0), "more than 128 bits");
        assertFalse(UlidGenerator.isUlid("01ARYZ6S41TSV4RRFFQ69G5FAU", 0), "U is not Crockford");
        assertFalse(UlidGenerator.isUlid("01aryz6s41tsv4rrffq69g5fav", 0), "lower case");
    }

    private static Clock fixedClock(long millis) {
        return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    private static Clock clock(AtomicLong millis) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
    }

    /** Fills every request with one byte value. */
    private static final class FixedRandom extends Random {
        private static final long serialVersionUID = 1L;
        private final byte value;

        FixedRandom(byte value) {
            this.value = value;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, value);
        }
    }
}
