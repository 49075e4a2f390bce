package org.mxagent.exec.impl.wire;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mxagent.discovery.api.AgentRegistration;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.DiscoveryException;

/**
 * The agents a request or result is judged against: the ones this runtime hosts, and the accepted
 * {@code agent.v1} of a room (published key hashes to its id, written by the agent's own Matrix account).
 */
public final class Agents {
    private final AgentRegistry registry;

    public Agents(AgentRegistry registry) {
        this.registry = registry;
    }

    /** An agent of the room, as published. */
    public Optional<AgentView> inRoom(String roomId, String agentId) throws DiscoveryException {
        return registry.list(roomId, Set.of()).stream().filter(a -> a.agentId().equals(agentId)).findFirst();
    }

    /** The room's agents whose published Matrix account is {@code userId}. */
    public List<AgentView> ofUser(String roomId, String userId) throws DiscoveryException {
        return registry.list(roomId, Set.of()).stream().filter(a -> a.state().matrixUserId().equals(userId))
                .toList();
    }

    /** This runtime's agents in the room. */
    public List<AgentRegistration> hostedIn(String roomId) throws DiscoveryException {
        return registry.hosted().stream().filter(r -> r.roomId().equals(roomId)).toList();
    }

    /** True if this runtime hosts {@code agentId} in the room. */
    public boolean hosts(String roomId, String agentId) throws DiscoveryException {
        return hostedIn(roomId).stream().anyMatch(r -> r.agentId().equals(agentId));
    }

    /** Every hosted agent. */
    public List<AgentRegistration> hosted() throws DiscoveryException {
        return registry.hosted();
    }

    public AgentRegistry registry() {
        return registry;
    }
}
