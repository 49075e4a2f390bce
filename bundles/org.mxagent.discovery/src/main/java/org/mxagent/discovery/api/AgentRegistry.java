package org.mxagent.discovery.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The agents of rooms: the ones this runtime hosts (one factory configuration each, kept across restarts) and
 * the ones other runtimes publish. Lists come from a local view fed by sync, seeded from the room the first
 * time a room is asked about.
 */
@ProviderType
public interface AgentRegistry {

    /** Factory PID of the per-agent component; one factory configuration per hosted agent. */
    String FACTORY_PID = "org.mxagent.discovery.agent";

    /**
     * Hosts an agent: joins the room (resolving an alias), stores the registration and creates (or updates) its
     * factory configuration, whose component then publishes {@code agent.v1} and heartbeats while logged in.
     * Registering an id again updates that agent.
     */
    AgentRegistration register(AgentSpec spec) throws DiscoveryException;

    /**
     * Stops hosting an agent: removes its configuration and registration; the agent marks its {@code agent.v1}
     * status {@code offline} as it stops.
     */
    void unregister(String agentId) throws DiscoveryException;

    /** The agents this runtime hosts. */
    List<AgentRegistration> hosted() throws DiscoveryException;

    /**
     * The agents of a room (accepted {@code agent.v1} only) with liveness, ordered by agent id, keeping those
     * that have every capability in {@code capabilities} (empty: all).
     */
    List<AgentView> list(String room, Set<String> capabilities) throws DiscoveryException;

    /**
     * The tools of the room's agents (only {@code agentId} if not empty), ordered by agent id: each advertised
     * {@code name@version} with the {@code tool.v1} state its agent's account published for it, if any.
     */
    List<AgentTools> tools(String room, String agentId) throws DiscoveryException;

    /** One agent, looked up in its hosting room if hosted here, else in the joined workspace rooms. */
    Optional<AgentView> show(String agentId) throws DiscoveryException;
}
