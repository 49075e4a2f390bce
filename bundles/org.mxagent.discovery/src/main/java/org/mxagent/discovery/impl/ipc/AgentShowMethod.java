package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.impl.DiscoveryJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code agent.show {agent_id}}: one agent with liveness; not found is exit 3. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=agent.show")
public final class AgentShowMethod extends DiscoveryMethod {
    private final AgentRegistry agents;

    @Activate
    public AgentShowMethod(@Reference AgentRegistry agents) {
        this.agents = agents;
    }

    @Override
    JsonNode run(JsonNode params) throws DiscoveryException, IpcException {
        String agentId = IpcParams.required(params, "agent_id");
        return DiscoveryJson.agent(agents.show(agentId).orElseThrow(() -> IpcException.notFound(
                "no agent " + agentId + " in the hosted agents or the joined rooms")));
    }
}
