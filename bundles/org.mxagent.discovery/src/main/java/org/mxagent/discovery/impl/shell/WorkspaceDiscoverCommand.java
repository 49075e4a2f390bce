package org.mxagent.discovery.impl.shell;

import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.PublicRoom;
import org.mxagent.discovery.api.WorkspaceService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mx:workspace-discover [--limit n] [search words]} ({@code _main}: see {@link WorkspaceCreateCommand}). */
@Component(service = WorkspaceDiscoverCommand.class,
        property = {"osgi.command.scope=mx", "osgi.command.function=workspace-discover"})
public final class WorkspaceDiscoverCommand {
    private static final Map<String, String> OPTIONS = Map.of("-n", "limit", "--limit", "limit");

    private final WorkspaceService workspaces;

    @Activate
    public WorkspaceDiscoverCommand(@Reference WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Descriptor("list public rooms of the homeserver's directory; workspace yes/no/? (? = join to know): "
            + "mx:workspace-discover [--limit n (50)] [search words]")
    public String _main(String command, @Descriptor("[--limit n] [search words]") Object... words)
            throws DiscoveryException {
        CommandOptions options = CommandOptions.parse(words, OPTIONS);
        StringBuilder out = new StringBuilder();
        for (PublicRoom room : workspaces.discover(String.join(" ", options.rest()), options.integer("limit", 50))) {
            String workspace = room.workspace() == null ? "?" : room.workspace() ? "yes" : "no";
            out.append(room.roomId()).append("  ").append(room.alias().isEmpty() ? "-" : room.alias())
                    .append("  \"").append(room.name()).append("\"  members ").append(room.joinedMembers())
                    .append("  workspace ").append(workspace).append(room.joined() ? "  (joined)" : "").append('\n');
        }
        return out.length() == 0 ? "no public rooms" : out.toString().stripTrailing();
    }
}
