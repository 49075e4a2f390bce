package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import org.mxagent.protocol.impl.Checks;
import org.mxagent.protocol.impl.Copies;

/** {@code workspace.v1} state (empty key, one per room); {@code attached_at} is Unix milliseconds. */
public record WorkspaceState(
        String projectId,
        String path,
        WorkspaceRepo repo,
        String attachedBy,
        long attachedAt,
        long stateRev,
        Map<String, JsonNode> extra) implements StateEvent {

    public WorkspaceState {
        Objects.requireNonNull(projectId, "project_id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(attachedBy, "attached_by");
        Checks.range(attachedAt, 0, Long.MAX_VALUE, "attached_at");
        Checks.range(stateRev, 0, Long.MAX_VALUE, "state_rev");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.WORKSPACE;
    }

    /** Empty: one workspace per room. */
    @Override
    public String stateKey() {
        return "";
    }
}
