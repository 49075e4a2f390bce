package org.mxagent.discovery.impl.liveness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;
import org.mxagent.protocol.api.event.AgentState;

/**
 * The heartbeat period an agent publishes and advertises in its {@code agent.v1} as the additive field
 * {@code heartbeat_interval_ms} (protocol §2.1 allows optional fields within v1; peers that do not know it keep
 * it as an extra). One set of bounds for publishers (refused outside them) and observers (clamped into them).
 */
public final class HeartbeatInterval {
    /** The {@code agent.v1} member that carries the period, in milliseconds. */
    public static final String FIELD = "heartbeat_interval_ms";
    /** Protocol §2.7: a heartbeat every 30 s. */
    public static final long PROTOCOL_MILLIS = 30_000;
    /** Faster would flood the room's timeline with heartbeats. */
    public static final long MIN_MILLIS = 1_000;
    /** Slower and "offline" would take many hours to notice. */
    public static final long MAX_MILLIS = 3_600_000;

    private HeartbeatInterval() {}

    /** Null if {@code millis} is a period a publisher may use, else why not (for an error message). */
    public static String problem(long millis) {
        if (millis < MIN_MILLIS || millis > MAX_MILLIS) {
            return "heartbeat interval must be between 1 s and 1 h (" + MIN_MILLIS + ".." + MAX_MILLIS
                    + " ms), got " + millis + " ms";
        }
        return null;
    }

    /** The period an agent advertises, if it advertises a positive integer; anything else counts as absent. */
    public static OptionalLong advertised(AgentState state) {
        JsonNode value = state.extra().get(FIELD);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(value.longValue());
    }

    static long clamp(long millis) {
        return Math.min(MAX_MILLIS, Math.max(MIN_MILLIS, millis));
    }
}
