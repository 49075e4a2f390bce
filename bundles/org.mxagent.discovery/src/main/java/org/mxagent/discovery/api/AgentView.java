package org.mxagent.discovery.api;

import java.util.Objects;
import org.mxagent.protocol.api.event.AgentState;

/**
 * An agent of a room as this runtime sees it: its accepted {@code agent.v1} state (the published key hashes to
 * the published key id, and the state was written by the agent's own Matrix account), the newest time it was
 * seen ({@code lastActiveMillis}: the later of {@code last_seen_ts} and its newest sender-pinned heartbeat, never
 * after the homeserver's receipt time), the verdict, and whether this runtime hosts it.
 */
public record AgentView(String roomId, AgentState state, long lastActiveMillis, Liveness liveness, boolean hosted) {

    public AgentView {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(liveness, "liveness");
    }

    public String agentId() {
        return state.agentId();
    }
}
