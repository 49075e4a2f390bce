package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.impl.DiscoveryJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code agent.tools {room?, agent_id?}} → {@code {room_id, agents: [{agent_id, …, tools: [tool…]}]}}: the tools
 * the room's agents advertise with their {@code tool.v1} descriptions. With only {@code agent_id}, the agent's
 * own room; with neither, the one joined workspace. An unknown agent is exit 3.
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=agent.tools")
public final class AgentToolsMethod extends DiscoveryMethod {
    private final AgentRegistry agents;
    private final WorkspaceService workspaces;

    @Activate
    public AgentToolsMethod(@Reference AgentRegistry agents, @Reference WorkspaceService workspaces) {
        this.agents = agents;
        this.workspaces = workspaces;
    }

    @Override
    JsonNode run(JsonNode params) throws DiscoveryException, IpcException {
        String agentId = IpcParams.optional(params, "agent_id", "");
        String room = IpcParams.optional(params, "room", "");
        if (room.isEmpty() && !agentId.isEmpty()) {
            AgentView agent = agents.show(agentId).orElseThrow(() -> IpcException.notFound(
                    "no agent " + agentId + " in the hosted agents or the joined rooms"));
            room = agent.roomId();
        } else if (room.isEmpty()) {
            room = DefaultRoom.of(params, workspaces);
        }
        var tools = agents.tools(room, agentId);
        String roomId = tools.isEmpty() ? workspaces.status(room).roomId() : tools.get(0).agent().roomId();
        return DiscoveryJson.tools(roomId, tools);
    }
}
