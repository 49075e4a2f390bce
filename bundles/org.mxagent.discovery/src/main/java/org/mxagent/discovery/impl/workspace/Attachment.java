package org.mxagent.discovery.impl.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.WorkspaceRepo;
import org.mxagent.protocol.api.event.WorkspaceState;

/** The {@code workspace.v1} that {@code workspace attach} publishes, given the room's current one. */
final class Attachment {
    private Attachment() {}

    /**
     * @param previous the current content (null or empty: none; unreadable: treated as none, its members that
     *     this version does not know are kept when it decodes)
     * @param projectId empty keeps the current project id, else the directory's name
     */
    static WorkspaceState next(ObjectNode previous, Path directory, WorkspaceRepo repo, String projectId,
            String attachedBy, long nowMillis) {
        WorkspaceState current = decode(previous);
        String project = !projectId.isEmpty() ? projectId
                : current != null && !current.projectId().isEmpty() ? current.projectId()
                : String.valueOf(directory.getFileName() == null ? "workspace" : directory.getFileName());
        long revision = current == null ? 1 : current.stateRev() + 1;
        Map<String, JsonNode> extra = current == null ? Map.of() : current.extra();
        return new WorkspaceState(project, directory.toString(), repo, attachedBy, nowMillis, revision, extra);
    }

    private static WorkspaceState decode(ObjectNode content) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        try {
            return ProtocolCodec.decode(WorkspaceState.class, content);
        } catch (MalformedEventException e) {
            return null;
        }
    }
}
