package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.protocol.api.ProtocolJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code workspace.grant {room, user, level?}} (level 50 when absent). */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=workspace.grant")
public final class WorkspaceGrantMethod extends DiscoveryMethod {
    private final WorkspaceService workspaces;

    @Activate
    public WorkspaceGrantMethod(@Reference WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    JsonNode run(JsonNode params) throws DiscoveryException, IpcException {
        String user = IpcParams.required(params, "user");
        int level = IpcParams.integer(params, "level", WorkspaceService.AGENT_LEVEL);
        String roomId = workspaces.grant(IpcParams.required(params, "room"), user, level);
        return ProtocolJson.newObject().put("room_id", roomId).put("user", user).put("level", level);
    }
}
