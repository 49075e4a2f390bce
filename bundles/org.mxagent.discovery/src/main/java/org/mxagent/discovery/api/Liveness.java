package org.mxagent.discovery.api;

import java.util.Locale;

/**
 * Advisory liveness from the newest of {@code agent.v1.last_seen_ts} and the agent's newest heartbeat: younger
 * than 90 s is active, 90–300 s stale, 300 s or older offline (protocol §2.7). Never an authorization.
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
