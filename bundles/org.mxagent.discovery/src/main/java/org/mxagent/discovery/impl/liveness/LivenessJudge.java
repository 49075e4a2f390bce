package org.mxagent.discovery.impl.liveness;

/** The clamping of times a peer claims, and the status a stopping agent announces (protocol §2.7). */
public final class LivenessJudge {
    /** The status an agent publishes when it stops (ours on unregister); such an agent is offline at once. */
    public static final String OFFLINE_STATUS = "offline";

    private LivenessJudge() {}

    /**
     * A time the sender claims ({@code last_seen_ts}, heartbeat {@code ts}), capped at the homeserver's receipt
     * time of the event: a peer cannot keep itself "active" with a timestamp from the future. Stricter than the
     * peer, which only clamps at query time; {@code originServerTs <= 0} (unknown) leaves the claim as it is.
     */
    public static long bounded(long claimedMillis, long originServerTs) {
        return originServerTs > 0 ? Math.min(claimedMillis, originServerTs) : claimedMillis;
    }
}
