package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.impl.DiscoveryJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code workspace.list {}}: the joined rooms with workspace.v1 state. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=workspace.list")
public final class WorkspaceListMethod extends DiscoveryMethod {
    private final WorkspaceService workspaces;

    @Activate
    public WorkspaceListMethod(@Reference WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    JsonNode run(JsonNode params) throws DiscoveryException {
        return DiscoveryJson.summaries(workspaces.list());
    }
}
