package org.mxagent.exec.impl.testing;

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

/** The agents of one room: some hosted here. */
public final class FakeRegistry implements AgentRegistry {
    private final List<AgentView> agents = new ArrayList<>();

    public FakeRegistry with(Peers.Peer peer) {
        agents.add(peer.view());
        return this;
    }

    @Override
    public AgentRegistration register(AgentSpec spec) throws DiscoveryException {
        throw new DiscoveryException(DiscoveryException.Kind.FAILED, "not in this fake");
    }

    @Override
    public void unregister(String agentId) throws DiscoveryException {
        throw new DiscoveryException(DiscoveryException.Kind.FAILED, "not in this fake");
    }

    @Override
    public List<AgentRegistration> hosted() {
        return agents.stream().filter(AgentView::hosted)
                .map(a -> new AgentRegistration(a.agentId(), a.roomId(), "pid~" + a.agentId())).toList();
    }

    @Override
    public List<AgentView> list(String room, Set<String> capabilities) {
        return agents.stream().filter(a -> a.roomId().equals(room)).toList();
    }

    @Override
    public Optional<AgentView> show(String agentId) {
        return agents.stream().filter(a -> a.agentId().equals(agentId)).findFirst();
    }

    @Override
    public List<AgentTools> tools(String room, String agentId) throws DiscoveryException {
        throw new DiscoveryException(DiscoveryException.Kind.FAILED, "not in this fake");
    }
}
