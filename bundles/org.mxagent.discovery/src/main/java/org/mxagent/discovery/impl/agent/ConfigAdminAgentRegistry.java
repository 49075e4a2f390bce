package org.mxagent.discovery.impl.agent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mxagent.discovery.api.AgentRegistration;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.AgentSpec;
import org.mxagent.discovery.api.AgentTools;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.DiscoveryException.Kind;
import org.mxagent.discovery.impl.MatrixFailures;
import org.mxagent.discovery.impl.Rooms;
import org.mxagent.discovery.impl.liveness.HeartbeatInterval;
import org.mxagent.discovery.impl.liveness.LivenessTracker;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Hosted agents as named factory configurations ({@code org.mxagent.discovery.agent~<agent_id>}), backed by
 * {@code agents.json} so they come back after a restart; listing goes through the {@link LivenessTracker}.
 */
@Component(service = AgentRegistry.class)
public final class ConfigAdminAgentRegistry implements AgentRegistry {
    /** ConfigurationAdmin location "?": any bundle may use it (the one with the component, whichever revision). */
    private static final String ANY_LOCATION = "?";

    private final ConfigurationAdmin configurationAdmin;
    private final LivenessTracker tracker;
    private final RegistrationStore store;
    private final Logger log;
    private volatile MatrixClient client;

    @Activate
    public ConfigAdminAgentRegistry(@Reference ConfigurationAdmin configurationAdmin,
            @Reference LivenessTracker tracker, @Reference RuntimeDirectories directories,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.configurationAdmin = configurationAdmin;
        this.tracker = tracker;
        this.store = new RegistrationStore(directories.dataDir());
        this.log = log;
        restore();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindClient(MatrixClient client) {
        this.client = client;
    }

    void unbindClient(MatrixClient client) {
        if (this.client == client) {
            this.client = null;
        }
    }

    /** Recreates the configuration of every stored registration that ConfigurationAdmin does not have. */
    private void restore() {
        try {
            for (StoredAgent agent : store.all()) {
                Configuration configuration = configurationAdmin.getFactoryConfiguration(FACTORY_PID,
                        agent.agentId(), ANY_LOCATION);
                if (configuration.getProperties() == null) {
                    configuration.update(agent.properties());
                    log.info("restored hosted agent {} in {}", agent.agentId(), agent.roomId());
                }
            }
        } catch (IOException e) {
            log.error("cannot restore the hosted agents: {}", e.getMessage(), e);
        }
    }

    @Override
    public AgentRegistration register(AgentSpec spec) throws DiscoveryException {
        MatrixClient current = Rooms.require(client);
        String agentId = spec.agentId().isEmpty() ? Ids.newAgentId() : spec.agentId();
        if (!Ids.isValid(Ids.AGENT, agentId)) {
            throw new DiscoveryException(Kind.INVALID, "agent id must be agt_ followed by a ULID "
                    + "(26 upper-case Crockford base32 characters), got '" + agentId + "'");
        }
        checkNames("capability", spec.capabilities());
        checkTools(spec.tools());
        String intervalProblem = spec.heartbeatIntervalMillis() == 0 ? null
                : HeartbeatInterval.problem(spec.heartbeatIntervalMillis());
        if (intervalProblem != null) {
            throw new DiscoveryException(Kind.INVALID, intervalProblem);
        }
        String room = Rooms.checkRoom(spec.room());
        String roomId;
        try {
            roomId = current.joinRoom(room);
        } catch (MatrixException e) {
            throw MatrixFailures.wrap("join " + room, e);
        }
        try {
            StoredAgent agent = StoredAgent.of(agentId, roomId, spec, heartbeatInterval(spec, agentId));
            store.put(agent);
            Configuration configuration = configurationAdmin.getFactoryConfiguration(FACTORY_PID, agentId,
                    ANY_LOCATION);
            configuration.update(agent.properties());
            log.info("registered agent {} in {}", agentId, roomId);
            return new AgentRegistration(agentId, roomId, configuration.getPid());
        } catch (IOException e) {
            throw new DiscoveryException(Kind.FAILED, "cannot store the registration of " + agentId + ": "
                    + e.getMessage(), e);
        }
    }

    /** The spec's period, else the one this agent was registered with (re-registration), else 30 s. */
    private long heartbeatInterval(AgentSpec spec, String agentId) throws IOException {
        if (spec.heartbeatIntervalMillis() != 0) {
            return spec.heartbeatIntervalMillis();
        }
        return store.get(agentId).map(StoredAgent::heartbeatIntervalMillis).orElse(HeartbeatInterval.PROTOCOL_MILLIS);
    }

    @Override
    public void unregister(String agentId) throws DiscoveryException {
        if (!Ids.isValid(Ids.AGENT, agentId)) {
            throw new DiscoveryException(Kind.INVALID, "not an agent id (agt_ + ULID): '" + agentId + "'");
        }
        try {
            boolean known = store.remove(agentId).isPresent();
            Configuration[] configurations = configurationAdmin.listConfigurations("(&(service.factoryPid="
                    + FACTORY_PID + ")(" + AgentConfig.AGENT_ID + "=" + agentId + "))");
            if (!known && configurations == null) {
                throw new DiscoveryException(Kind.NOT_FOUND, "this runtime hosts no agent " + agentId);
            }
            if (configurations != null) {
                for (Configuration configuration : configurations) {
                    configuration.delete();
                }
            }
            log.info("unregistered agent {}", agentId);
        } catch (IOException | InvalidSyntaxException e) {
            throw new DiscoveryException(Kind.FAILED, "cannot unregister " + agentId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<AgentRegistration> hosted() throws DiscoveryException {
        List<AgentRegistration> hosted = new ArrayList<>();
        for (StoredAgent agent : stored()) {
            hosted.add(new AgentRegistration(agent.agentId(), agent.roomId(), FACTORY_PID + "~" + agent.agentId()));
        }
        return hosted;
    }

    @Override
    public List<AgentView> list(String room, Set<String> capabilities) throws DiscoveryException {
        String roomId = Rooms.resolve(Rooms.require(client), room);
        List<StoredAgent> hosted = stored();
        List<AgentView> views = new ArrayList<>();
        for (AgentView view : tracker.agents(roomId, agentId -> isHostedIn(hosted, agentId, roomId))) {
            if (view.state().capabilities().containsAll(capabilities)) {
                views.add(view);
            }
        }
        return views;
    }

    @Override
    public List<AgentTools> tools(String room, String agentId) throws DiscoveryException {
        MatrixClient current = Rooms.require(client);
        String roomId = Rooms.resolve(current, room);
        List<AgentView> all = list(roomId, Set.of());
        List<AgentView> views = all;
        if (!agentId.isEmpty()) {
            views = views.stream().filter(view -> view.agentId().equals(agentId)).toList();
            if (views.isEmpty()) {
                throw new DiscoveryException(Kind.NOT_FOUND, "no agent " + agentId + " in " + roomId);
            }
        }
        ToolCatalogReader catalog;
        try {
            catalog = new ToolCatalogReader(current.roomState(roomId));
        } catch (MatrixException e) {
            throw MatrixFailures.wrap("read the tools of " + roomId, e);
        }
        List<AgentTools> tools = new ArrayList<>();
        views.forEach(view -> tools.add(catalog.toolsOf(view, all)));
        return tools;
    }

    @Override
    public Optional<AgentView> show(String agentId) throws DiscoveryException {
        MatrixClient current = Rooms.require(client);
        Optional<StoredAgent> hosted = stored().stream().filter(a -> a.agentId().equals(agentId)).findFirst();
        if (hosted.isPresent()) {
            return find(hosted.get().roomId(), agentId);
        }
        try {
            for (String roomId : current.joinedRooms()) {
                if (current.getState(roomId, EventTypes.AGENT, agentId).isPresent()) {
                    Optional<AgentView> view = find(roomId, agentId);
                    if (view.isPresent()) {
                        return view;
                    }
                }
            }
        } catch (MatrixException e) {
            throw MatrixFailures.wrap("look for agent " + agentId, e);
        }
        return Optional.empty();
    }

    private Optional<AgentView> find(String roomId, String agentId) throws DiscoveryException {
        return list(roomId, Set.of()).stream().filter(view -> view.agentId().equals(agentId)).findFirst();
    }

    private List<StoredAgent> stored() throws DiscoveryException {
        try {
            return store.all();
        } catch (IOException e) {
            throw new DiscoveryException(Kind.FAILED, e.getMessage(), e);
        }
    }

    private static boolean isHostedIn(List<StoredAgent> hosted, String agentId, String roomId) {
        return hosted.stream().anyMatch(a -> a.agentId().equals(agentId) && a.roomId().equals(roomId));
    }

    private static void checkNames(String what, List<String> names) throws DiscoveryException {
        for (String name : names) {
            if (name.isBlank() || !name.equals(name.trim())) {
                throw new DiscoveryException(Kind.INVALID, what + " names must be non-empty without surrounding "
                        + "spaces, got '" + name + "'");
            }
        }
    }

    /** Tools are advertised as {@code name@version} (protocol §2.3). */
    private static void checkTools(List<String> tools) throws DiscoveryException {
        checkNames("tool", tools);
        for (String tool : tools) {
            int at = tool.indexOf('@');
            if (at < 1 || at == tool.length() - 1 || tool.indexOf('@', at + 1) >= 0) {
                throw new DiscoveryException(Kind.INVALID, "tools are name@version, got '" + tool + "'");
            }
        }
    }
}
