package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.impl.Checks;
import org.mxagent.protocol.impl.Copies;

/**
 * {@code task.v1} state (key = {@code task_id}); {@code result} is explicit {@code null} until done, {@code action}
 * omitted for manual tasks.
 */
public record TaskState(
        String taskId,
        String title,
        String description,
        String state,
        String assignedTo,
        String createdBy,
        List<String> dependsOn,
        List<String> blocks,
        String invocationId,
        String createdAt,
        String updatedAt,
        long stateRev,
        String previousEventId,
        TaskResult result,
        Optional<TaskAction> action,
        Map<String, JsonNode> extra) implements StateEvent {

    public TaskState {
        Objects.requireNonNull(taskId, "task_id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdBy, "created_by");
        dependsOn = Copies.list(dependsOn, "depends_on");
        blocks = Copies.list(blocks, "blocks");
        Objects.requireNonNull(createdAt, "created_at");
        Objects.requireNonNull(updatedAt, "updated_at");
        Checks.range(stateRev, 0, Long.MAX_VALUE, "state_rev");
        Objects.requireNonNull(action, "action");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.TASK;
    }

    /** The task id. */
    @Override
    public String stateKey() {
        return taskId;
    }
}
