package org.mxagent.discovery.api;

import java.util.Objects;
import org.mxagent.protocol.api.event.WorkspaceState;

/** What {@link WorkspaceService#attach} published: the room, the {@code workspace.v1} content and its event id. */
public record WorkspaceAttachment(String roomId, WorkspaceState workspace, String eventId) {

    public WorkspaceAttachment {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(eventId, "eventId");
    }
}
