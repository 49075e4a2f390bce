package org.mxagent.exec.impl.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mxagent.discovery.api.AgentRegistration;
import org.mxagent.discovery.api.AgentSpec;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.exec.impl.wire.Agents;
import org.osgi.service.log.Logger;

/**
 * Adds the offered tools ({@code name@version}) to {@code agent.v1.tools} of every hosted agent, through the
 * discovery bundle's own registration (re-registering an agent updates it). Only adds, never removes: tools an
 * operator listed at registration stay. An agent whose {@code agent.v1} is not visible yet is skipped until the
 * next pass.
 */
public final class ToolAdvertiser {
    private final ToolCatalog catalog;
    private final Agents agents;
    private final Logger log;
    /** What was last registered per agent: the room view may lag behind, and registering again would loop. */
    private final Map<String, List<String>> registered = new HashMap<>();

    public ToolAdvertiser(ToolCatalog catalog, Agents agents, Logger log) {
        this.catalog = catalog;
        this.agents = agents;
        this.log = log;
    }

    public synchronized void sync() {
        List<String> offered = catalog.keys();
        if (offered.isEmpty()) {
            return;
        }
        try {
            for (AgentRegistration hosted : agents.hosted()) {
                Optional<AgentView> view = agents.inRoom(hosted.roomId(), hosted.agentId());
                if (view.isEmpty() || view.get().state().tools().containsAll(offered)) {
                    continue;
                }
                List<String> tools = new ArrayList<>(view.get().state().tools());
                offered.stream().filter(key -> !tools.contains(key)).forEach(tools::add);
                if (tools.equals(registered.get(hosted.agentId()))) {
                    continue;
                }
                registered.put(hosted.agentId(), List.copyOf(tools));
                var state = view.get().state();
                String cwd = state.workspace() == null || state.workspace().cwd() == null ? ""
                        : state.workspace().cwd();
                String project = state.workspace() == null || state.workspace().projectId() == null ? ""
                        : state.workspace().projectId();
                agents.registry().register(new AgentSpec(hosted.agentId(), hosted.roomId(), state.kind(),
                        state.capabilities(), tools, cwd, project, (int) state.load().maxInvocations()));
                log.info("agent {} now advertises tools {}", hosted.agentId(), tools);
            }
        } catch (DiscoveryException e) {
            log.warn("cannot advertise tools in agent.v1: {}", e.getMessage());
        }
    }
}
