package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.api.WorkspaceSummary;
import org.mxagent.discovery.impl.DiscoveryJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code workspace.status {room?}}: without a room, the one joined workspace (a usage error if several). */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=workspace.status")
public final class WorkspaceStatusMethod extends DiscoveryMethod {
    private final WorkspaceService workspaces;

    @Activate
    public WorkspaceStatusMethod(@Reference WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    JsonNode run(JsonNode params) throws DiscoveryException, IpcException {
        String room = IpcParams.optional(params, "room", "");
        if (room.isEmpty()) {
            room = onlyWorkspace(workspaces.list());
        }
        return DiscoveryJson.status(workspaces.status(room));
    }

    private static String onlyWorkspace(List<WorkspaceSummary> joined) throws IpcException {
        if (joined.size() == 1) {
            return joined.get(0).roomId();
        }
        if (joined.isEmpty()) {
            throw IpcException.notFound("this account has joined no workspace; create or join one first");
        }
        StringBuilder rooms = new StringBuilder();
        joined.forEach(w -> rooms.append(' ').append(w.alias().isEmpty() ? w.roomId() : w.alias()));
        throw IpcException.usage("several workspaces joined; pass room (one of:" + rooms + ")");
    }
}
