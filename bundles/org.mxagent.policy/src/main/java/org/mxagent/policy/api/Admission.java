package org.mxagent.policy.api;

/** The answer of {@link NonceAdmission#admit}: admitted, or why not, with a stable rule name. */
public enum Admission {
    ADMITTED("admitted"),
    /** The nonce is empty, too long, or contains control characters. */
    INVALID_NONCE("invalid_nonce"),
    /** {@code created_at} or {@code expires_at} is not an RFC 3339 UTC timestamp. */
    UNPARSEABLE_TIME("unparseable_time"),
    /** {@code expires_at <= now}. Nothing is recorded. */
    EXPIRED("expired"),
    /** {@code expires_at - created_at} is not positive or exceeds the maximum lifetime. */
    LIFETIME_OUT_OF_BOUNDS("lifetime_out_of_bounds"),
    /** {@code created_at} is further in the future than the allowed clock skew. */
    CREATED_IN_FUTURE("created_in_future"),
    /** The nonce was already admitted and has not expired. */
    REPLAYED("replayed"),
    /** The cache could not be read or written: every request is refused (fail closed). */
    CACHE_UNAVAILABLE("replay_cache_unavailable");

    private final String rule;

    Admission(String rule) {
        this.rule = rule;
    }

    /** The internal rule name. */
    public String rule() {
        return rule;
    }
}
