package org.mxagent.discovery.impl.shell;

import org.apache.felix.service.command.Descriptor;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.WorkspaceService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mx:workspace-join <room>} ({@code _main}: see {@link WorkspaceCreateCommand}). */
@Component(service = WorkspaceJoinCommand.class,
        property = {"osgi.command.scope=mx", "osgi.command.function=workspace-join"})
public final class WorkspaceJoinCommand {
    private final WorkspaceService workspaces;

    @Activate
    public WorkspaceJoinCommand(@Reference WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Descriptor("join a workspace room by id (!id) or alias (#alias:server)")
    public String _main(String command, @Descriptor("room id or alias") String room) throws DiscoveryException {
        return "joined " + TextFormat.summary(workspaces.join(room));
    }
}
