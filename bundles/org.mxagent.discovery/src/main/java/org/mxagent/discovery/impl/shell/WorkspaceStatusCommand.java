package org.mxagent.discovery.impl.shell;

import org.apache.felix.service.command.Descriptor;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.WorkspaceService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mx:workspace-status <room>} ({@code _main}: see {@link WorkspaceCreateCommand}). */
@Component(service = WorkspaceStatusCommand.class,
        property = {"osgi.command.scope=mx", "osgi.command.function=workspace-status"})
public final class WorkspaceStatusCommand {
    private final WorkspaceService workspaces;

    @Activate
    public WorkspaceStatusCommand(@Reference WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Descriptor("show a workspace: name, alias, members, power levels, workspace.v1, agents with liveness")
    public String _main(String command, @Descriptor("room id or alias") String room) throws DiscoveryException {
        return TextFormat.status(workspaces.status(room));
    }
}
