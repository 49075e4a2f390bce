package org.mxagent.policy.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A {@code [rooms."!room:server"]} table; {@link #agents()} is keyed by requester Matrix user id. */
public record RoomPolicy(
        boolean trusted,
        RawExecDefault rawExecDefault,
        boolean requireVerifiedDevice,
        List<String> approvers,
        Map<String, AgentPolicy> agents) {

    public RoomPolicy {
        Objects.requireNonNull(rawExecDefault, "rawExecDefault");
        approvers = List.copyOf(approvers);
        agents = Map.copyOf(agents);
    }

    /** The entry for a requester's Matrix user id. */
    public Optional<AgentPolicy> agent(String matrixUserId) {
        return Optional.ofNullable(agents.get(matrixUserId));
    }
}
