package org.mxagent.discovery.impl.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.WorkspaceAttachment;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mx:workspace-attach [--project-id ID] <room> <path>} ({@code _main}: see {@link WorkspaceCreateCommand}). */
@Component(service = WorkspaceAttachCommand.class,
        property = {"osgi.command.scope=mx", "osgi.command.function=workspace-attach"})
public final class WorkspaceAttachCommand {
    private static final Map<String, String> OPTIONS = Map.of("-p", "project-id", "--project-id", "project-id");

    private final WorkspaceService workspaces;

    @Activate
    public WorkspaceAttachCommand(@Reference WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @Descriptor("attach a checkout to a workspace, publishing workspace.v1 (path, git remote/branch/commit): "
            + "mx:workspace-attach [--project-id p] <room> <path>")
    public String _main(String command, @Descriptor("options, room, path") Object... words)
            throws DiscoveryException {
        CommandOptions options = CommandOptions.parse(words, OPTIONS);
        List<String> operands = options.positional("<room>", "<path>");
        WorkspaceAttachment attached = workspaces.attach(operands.get(0),
                Path.of(operands.get(1)).toAbsolutePath(), options.get("project-id", ""));
        return "attached to " + attached.roomId() + ": " + ProtocolJson.write(ProtocolCodec.encode(
                attached.workspace()));
    }
}
