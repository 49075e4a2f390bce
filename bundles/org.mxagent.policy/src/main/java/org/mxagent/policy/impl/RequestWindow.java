package org.mxagent.policy.impl;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.mxagent.policy.api.Admission;

/**
 * The time bounds of a request: not expired, a lifetime ({@code expires_at - created_at}) that is positive
 * and at most the maximum, and a {@code created_at} no further ahead of our clock than the allowed skew.
 * Bounding the lifetime bounds how long a nonce must be remembered, which is what makes a finite replay cache
 * sound.
 */
final class RequestWindow {
    private final Duration maxLifetime;
    private final Duration maxSkew;

    RequestWindow(Duration maxLifetime, Duration maxSkew) {
        if (maxLifetime.isNegative() || maxLifetime.isZero() || maxSkew.isNegative()) {
            throw new IllegalArgumentException("lifetime must be positive and skew not negative");
        }
        this.maxLifetime = maxLifetime;
        this.maxSkew = maxSkew;
    }

    /** {@link Admission#ADMITTED} if the window is acceptable, else why not. */
    Admission check(Instant createdAt, Instant expiresAt, Instant now) {
        if (!expiresAt.isAfter(now)) {
            return Admission.EXPIRED;
        }
        Duration lifetime = Duration.between(createdAt, expiresAt);
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(maxLifetime) > 0) {
            return Admission.LIFETIME_OUT_OF_BOUNDS;
        }
        if (createdAt.isAfter(now.plus(maxSkew))) {
            return Admission.CREATED_IN_FUTURE;
        }
        return Admission.ADMITTED;
    }

    /** An RFC 3339 UTC timestamp ({@code 2024-05-01T12:00:00Z}), or empty if it is not one. */
    static Optional<Instant> parse(String timestamp) {
        try {
            return Optional.of(Instant.parse(timestamp));
        } catch (DateTimeParseException notATimestamp) {
            return Optional.empty();
        }
    }
}
