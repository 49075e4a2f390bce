package org.mxagent.discovery.impl.shell;

import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.WorkspaceService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mx:workspace-grant [--level n] <room> <user>} ({@code _main}: see {@link WorkspaceCreateCommand}). */
@Component(service = WorkspaceGrantCommand.class,
        property = {"osgi.command.scope=mx", "osgi.command.function=workspace-grant"})
public final class WorkspaceGrantCommand {
    private static final Map<String, String> OPTIONS = Map.of("-l", "level", "--level", "level");

    private final WorkspaceService workspaces;

    @Activate
    public WorkspaceGrantCommand(@Reference WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Descriptor("set a user's power level in a workspace: mx:workspace-grant [--level 0..100 (50)] <room> <user>")
    public String _main(String command, @Descriptor("[--level n] room user") Object... words)
            throws DiscoveryException {
        CommandOptions options = CommandOptions.parse(words, OPTIONS);
        List<String> arguments = options.positional("<room>", "<user>");
        int level = options.integer("level", WorkspaceService.AGENT_LEVEL);
        return "granted " + arguments.get(1) + " level " + level + " in "
                + workspaces.grant(arguments.get(0), arguments.get(1), level);
    }
}
