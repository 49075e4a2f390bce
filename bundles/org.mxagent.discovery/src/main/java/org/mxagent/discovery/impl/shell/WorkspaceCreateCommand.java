package org.mxagent.discovery.impl.shell;

import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.Visibility;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.api.WorkspaceSpec;
import org.mxagent.discovery.api.WorkspaceSummary;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mx:workspace-create}. Gogo finds a command's method by name and a Java name cannot contain '-', so
 * each hyphenated command is its own component with a {@code _main} method, which Gogo calls for any name
 * with the command name first and the words as typed (options parsed by {@link CommandOptions}).
 */
@Component(service = WorkspaceCreateCommand.class,
        property = {"osgi.command.scope=mx", "osgi.command.function=workspace-create"})
public final class WorkspaceCreateCommand {
    private static final Map<String, String> OPTIONS = Map.of("-a", "alias", "--alias", "alias", "-n", "name",
            "--name", "name", "-t", "topic", "--topic", "topic", "--visibility", "visibility", "--e2ee", "e2ee",
            "--project-id", "project-id", "--path", "path");

    private final WorkspaceService workspaces;

    @Activate
    public WorkspaceCreateCommand(@Reference WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Descriptor("create a workspace room: mx:workspace-create [--alias a] [--name n] [--topic t] "
            + "[--visibility private|public] [--e2ee on|off] [--project-id p] [--path p]")
    public String _main(String command, @Descriptor("options") Object... words) throws DiscoveryException {
        CommandOptions options = CommandOptions.parse(words, OPTIONS);
        options.positional();
        WorkspaceSpec spec = new WorkspaceSpec(options.get("alias", ""), options.get("name", ""),
                options.get("topic", ""), Visibility.parse(options.get("visibility", "private")),
                CommandInput.onOff(options.get("e2ee", "off")), options.get("project-id", ""),
                options.get("path", ""));
        WorkspaceSummary created = workspaces.create(spec);
        String warning = spec.visibility() == Visibility.PUBLIC && created.directoryVisibility() != Visibility.PUBLIC
                ? "\nwarning: the homeserver did not list it in its public directory (room_list_publication_rules)"
                : "";
        return "created " + TextFormat.summary(created) + warning;
    }
}
