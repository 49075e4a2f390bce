package org.mxagent.discovery.impl.shell;

import org.apache.felix.service.command.Descriptor;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.WorkspaceService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mx:workspaces}: the joined rooms that are workspaces. */
@Component(service = WorkspacesCommand.class,
        property = {"osgi.command.scope=mx", "osgi.command.function=workspaces"})
public final class WorkspacesCommand {
    private final WorkspaceService workspaces;

    @Activate
    public WorkspacesCommand(@Reference WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Descriptor("list the joined rooms that have workspace.v1 state")
    public String workspaces() throws DiscoveryException {
        return TextFormat.summaries(workspaces.list());
    }
}
