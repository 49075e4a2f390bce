package org.mxagent.discovery.impl.liveness;

import org.mxagent.discovery.api.Liveness;

/** The liveness thresholds of protocol §2.7, and the clamping of times a peer claims. */
public final class LivenessJudge {
    /** Younger than this: active. */
    public static final long ACTIVE_MILLIS = 90_000;
    /** This old or older: offline; in between: stale. */
    public static final long OFFLINE_MILLIS = 300_000;
    /** The status an agent publishes when it stops (ours on unregister); such an agent is offline at once. */
    public static final String OFFLINE_STATUS = "offline";

    private LivenessJudge() {}

    /** A time in the future counts as "just seen" (age 0), never as negative age. */
    public static Liveness verdict(long lastActiveMillis, long nowMillis) {
        long age = Math.max(0, nowMillis - lastActiveMillis);
        if (age < ACTIVE_MILLIS) {
            return Liveness.ACTIVE;
        }
        return age < OFFLINE_MILLIS ? Liveness.STALE : Liveness.OFFLINE;
    }

    /** Like {@link #verdict(long, long)}, but an agent that published status {@code offline} is offline. */
    public static Liveness verdict(String status, long lastActiveMillis, long nowMillis) {
        return OFFLINE_STATUS.equals(status) ? Liveness.OFFLINE : verdict(lastActiveMillis, nowMillis);
    }

    /**
     * A time the sender claims ({@code last_seen_ts}, heartbeat {@code ts}), capped at the homeserver's receipt
     * time of the event: a peer cannot keep itself "active" with a timestamp from the future. Stricter than the
     * peer, which only clamps at query time; {@code originServerTs <= 0} (unknown) leaves the claim as it is.
     */
    public static long bounded(long claimedMillis, long originServerTs) {
        return originServerTs > 0 ? Math.min(claimedMillis, originServerTs) : claimedMillis;
    }
}
