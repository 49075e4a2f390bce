package org.mxagent.workflow.api;

import java.util.Objects;
import org.mxagent.protocol.api.event.TaskState;

/** A task as stored in the room: its {@code task.v1} content and the id of the state event holding it. */
public record TaskRecord(String roomId, TaskState task, String eventId) {
    public TaskRecord {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(eventId, "eventId");
    }
}
