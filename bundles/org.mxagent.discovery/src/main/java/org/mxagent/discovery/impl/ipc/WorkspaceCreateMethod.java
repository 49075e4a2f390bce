package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.Visibility;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.api.WorkspaceSpec;
import org.mxagent.discovery.api.WorkspaceSummary;
import org.mxagent.discovery.impl.DiscoveryJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code workspace.create {alias?, name?, topic?, visibility?, e2ee?, project_id?, path?}}. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=workspace.create")
public final class WorkspaceCreateMethod extends DiscoveryMethod {
    private final WorkspaceService workspaces;

    @Activate
    public WorkspaceCreateMethod(@Reference WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    JsonNode run(JsonNode params) throws DiscoveryException, IpcException {
        WorkspaceSpec spec = new WorkspaceSpec(IpcParams.optional(params, "alias", ""),
                IpcParams.optional(params, "name", ""), IpcParams.optional(params, "topic", ""),
                Visibility.parse(IpcParams.optional(params, "visibility", "private")),
                IpcParams.onOff(params, "e2ee", false), IpcParams.optional(params, "project_id", ""),
                IpcParams.optional(params, "path", ""));
        WorkspaceSummary created = workspaces.create(spec);
        ObjectNode result = DiscoveryJson.summary(created);
        result.put("visibility", spec.visibility().wire());
        result.put("e2ee", spec.e2ee());
        if (spec.visibility() == Visibility.PUBLIC && created.directoryVisibility() != Visibility.PUBLIC) {
            result.put("warning", "the homeserver did not list the room in its public directory "
                    + "(room_list_publication_rules); others can still join by alias or id");
        }
        return result;
    }
}
