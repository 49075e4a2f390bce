package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.impl.DiscoveryJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code workspace.attach {room?, path, project_id?}} → {@code {room_id, event_id, workspace}}: publishes
 * {@code workspace.v1} for the checkout at {@code path} (absolute: the CLI sends its own directory).
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=workspace.attach")
public final class WorkspaceAttachMethod extends DiscoveryMethod {
    private final WorkspaceService workspaces;

    @Activate
    public WorkspaceAttachMethod(@Reference WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    JsonNode run(JsonNode params) throws DiscoveryException, IpcException {
        String path = IpcParams.required(params, "path");
        String projectId = IpcParams.optional(params, "project_id", "");
        return DiscoveryJson.attachment(workspaces.attach(DefaultRoom.of(params, workspaces), Path.of(path),
                projectId));
    }
}
