package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.impl.DiscoveryJson;
import org.mxagent.protocol.api.ProtocolJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code agent.list {room, capabilities?}}: agents having every listed capability, with liveness. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=agent.list")
public final class AgentListMethod extends DiscoveryMethod {
    private final AgentRegistry agents;

    @Activate
    public AgentListMethod(@Reference AgentRegistry agents) {
        this.agents = agents;
    }

    @Override
    JsonNode run(JsonNode params) throws DiscoveryException, IpcException {
        String room = IpcParams.required(params, "room");
        List<AgentView> views = agents.list(room, Set.copyOf(IpcParams.strings(params, "capabilities")));
        ObjectNode result = ProtocolJson.newObject();
        result.put("room", room);
        result.set("agents", DiscoveryJson.agents(views));
        return result;
    }
}
