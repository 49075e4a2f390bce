package org.mxagent.terminal.api.stream;

import java.time.Duration;

/**
 * A token bucket ({@code max_events_per_second}, burst) that also honours the server's 429 Retry-After (clamped to
 * 5 minutes, as the sync loop does): until then no optional send is allowed and the bucket restarts empty.
 */
public final class TokenBucketPacer implements SendPacer {
    private static final long MAX_RETRY_AFTER_NANOS = Duration.ofMinutes(5).toNanos();
    private final double tokensPerNano;
    private final double burst;
    private double tokens;
    private long refilledAt;
    private long blockedUntil;
    private boolean started;

    /**
     * @param eventsPerSecond sustained rate, &gt; 0
     * @param burst           how many events may go at once after a quiet period, &ge; 1
     */
    public TokenBucketPacer(double eventsPerSecond, int burst) {
        if (!(eventsPerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        this.tokensPerNano = eventsPerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
    }

    @Override
    public synchronized long delayNanos(long nowNanos) {
        refill(nowNanos);
        if (nowNanos - blockedUntil < 0) {
            return blockedUntil - nowNanos;
        }
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    @Override
    public synchronized void acquire(long nowNanos) {
        refill(nowNanos);
        tokens -= 1;
    }

    @Override
    public synchronized void retryAfter(Duration retryAfter, long nowNanos) {
        refill(nowNanos);
        long wait = Math.max(0, Math.min(retryAfter.toNanos(), MAX_RETRY_AFTER_NANOS));
        if (nowNanos + wait - blockedUntil > 0) {
            blockedUntil = nowNanos + wait;
        }
        tokens = Math.min(tokens, 0);
        refilledAt = blockedUntil;
    }

    private void refill(long nowNanos) {
        if (!started) {
            started = true;
            refilledAt = nowNanos;
            blockedUntil = nowNanos;
            return;
        }
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
            refilledAt = nowNanos;
        }
    }
}
