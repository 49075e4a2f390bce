package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.WorkspaceService;
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
        return DiscoveryJson.status(workspaces.status(DefaultRoom.of(params, workspaces)));
    }
}
