package org.mxagent.discovery.impl.liveness;

import org.mxagent.discovery.api.Liveness;
import org.mxagent.protocol.api.event.AgentState;

/**
 * When silence makes an agent stale, then offline, scaled by its heartbeat period: stale after
 * {@code staleAfterIntervals} periods without news, offline after {@code offlineAfterIntervals}. The period is
 * the one the agent advertises ({@link HeartbeatInterval#FIELD}, clamped to 1 s..1 h), else
 * {@code defaultIntervalMillis}. With the defaults (3, 10, 30 s) this is protocol §2.7: 90 s and 300 s.
 */
public record LivenessRule(long staleAfterIntervals, long offlineAfterIntervals, long defaultIntervalMillis) {

    /** Protocol §2.7: every 30 s; stale after 90 s, offline after 300 s. */
    public static final LivenessRule PROTOCOL = new LivenessRule(3, 10, HeartbeatInterval.PROTOCOL_MILLIS);

    /** @throws IllegalArgumentException naming the offending setting */
    public LivenessRule {
        if (staleAfterIntervals < 1 || staleAfterIntervals > 1_000) {
            throw new IllegalArgumentException("stale.after.intervals must be 1..1000, got " + staleAfterIntervals);
        }
        if (offlineAfterIntervals <= staleAfterIntervals || offlineAfterIntervals > 10_000) {
            throw new IllegalArgumentException("offline.after.intervals must be greater than stale.after.intervals ("
                    + staleAfterIntervals + ") and at most 10000, got " + offlineAfterIntervals);
        }
        String problem = HeartbeatInterval.problem(defaultIntervalMillis);
        if (problem != null) {
            throw new IllegalArgumentException("default.heartbeat.interval.ms: " + problem);
        }
    }

    static LivenessRule of(LivenessConfig config) {
        return new LivenessRule(config.stale_after_intervals(), config.offline_after_intervals(),
                config.default_heartbeat_interval_ms());
    }

    /** The period the verdict on this agent assumes. */
    public long intervalOf(AgentState state) {
        return HeartbeatInterval.clamp(HeartbeatInterval.advertised(state).orElse(defaultIntervalMillis));
    }

    public long staleAfterMillis(long intervalMillis) {
        return staleAfterIntervals * intervalMillis;
    }

    public long offlineAfterMillis(long intervalMillis) {
        return offlineAfterIntervals * intervalMillis;
    }

    /**
     * The verdict on an agent seen last at {@code lastActiveMillis}: a time in the future counts as "just seen"
     * (age 0), and an agent that published status {@code offline} is offline whatever the times.
     */
    public Liveness verdict(AgentState state, long lastActiveMillis, long nowMillis) {
        if (LivenessJudge.OFFLINE_STATUS.equals(state.status())) {
            return Liveness.OFFLINE;
        }
        return verdict(intervalOf(state), lastActiveMillis, nowMillis);
    }

    Liveness verdict(long intervalMillis, long lastActiveMillis, long nowMillis) {
        long age = Math.max(0, nowMillis - lastActiveMillis);
        if (age < staleAfterMillis(intervalMillis)) {
            return Liveness.ACTIVE;
        }
        return age < offlineAfterMillis(intervalMillis) ? Liveness.STALE : Liveness.OFFLINE;
    }
}
