package org.mxagent.discovery.api;

import java.util.Locale;

/**
 * Advisory liveness from the newest of {@code agent.v1.last_seen_ts} and the agent's newest heartbeat, in the
 * agent's heartbeat periods (advertised {@code heartbeat_interval_ms}, else 30 s): within 3 periods active,
 * within 10 stale, else offline; by default 90 s and 300 s as in protocol §2.7. Never an authorization.
 */
public enum Liveness {
    ACTIVE,
    STALE,
    OFFLINE;

    /** {@code active}, {@code stale}, {@code offline}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
