package org.mxagent.terminal.api.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketPacerTest {
    private static final long MS = 1_000_000L;

    @Test
    void burstThenSustainedRate() {
        TokenBucketPacer pacer = new TokenBucketPacer(10, 2);
        long t = 5_000 * MS;
        assertEquals(0, pacer.delayNanos(t));
        pacer.acquire(t);
        assertEquals(0, pacer.delayNanos(t));
        pacer.acquire(t);
        assertEquals(100 * MS, pacer.delayNanos(t));
        assertEquals(0, pacer.delayNanos(t + 100 * MS));
    }

    @Test
    void overdrawnBudgetMakesLaterSendsWaitLonger() {
        TokenBucketPacer pacer = new TokenBucketPacer(10, 1);
        long t = 0;
        pacer.acquire(t);
        pacer.acquire(t);
        pacer.acquire(t);
        assertEquals(300 * MS, pacer.delayNanos(t));
    }

    @Test
    void retryAfterHoldsEverySendAndIsClampedToFiveMinutes() {
        TokenBucketPacer pacer = new TokenBucketPacer(100, 50);
        long t = 1_000 * MS;
        assertEquals(0, pacer.delayNanos(t));
        pacer.retryAfter(Duration.ofSeconds(2), t);
        assertEquals(2_000 * MS, pacer.delayNanos(t));
        assertEquals(500 * MS, pacer.delayNanos(t + 1_500 * MS));
        // The bucket restarts empty after the hold: one token takes 10 ms at 100/s.
        assertEquals(10 * MS, pacer.delayNanos(t + 2_000 * MS));
        assertEquals(0, pacer.delayNanos(t + 2_010 * MS));

        pacer.retryAfter(Duration.ofHours(1), t);
        assertEquals(Duration.ofMinutes(5).toNanos(), pacer.delayNanos(t));
    }

    @Test
    void rejectsNonsenseRates() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucketPacer(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucketPacer(1, 0));
    }
}
