package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.protocol.api.ProtocolJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code agent.unregister {agent_id}}: stop hosting an agent (it publishes status offline as it stops). */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=agent.unregister")
public final class AgentUnregisterMethod extends DiscoveryMethod {
    private final AgentRegistry agents;

    @Activate
    public AgentUnregisterMethod(@Reference AgentRegistry agents) {
        this.agents = agents;
    }

    @Override
    JsonNode run(JsonNode params) throws DiscoveryException, IpcException {
        String agentId = IpcParams.required(params, "agent_id");
        agents.unregister(agentId);
        return ProtocolJson.newObject().put("agent_id", agentId).put("unregistered", true);
    }
}
