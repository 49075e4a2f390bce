package org.mxagent.workflow.impl;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.TaskAction;
import org.mxagent.protocol.api.event.TaskResult;
import org.mxagent.protocol.api.event.TaskState;
import org.mxagent.workflow.api.TaskRecord;

/**
 * The next revision of a task: {@code state_rev + 1}, {@code previous_event_id} = the event being replaced,
 * {@code updated_at} = now. Unknown members are carried over.
 */
public final class TaskEdit {
    private final TaskRecord base;
    private String state;
    private String assignedTo;
    private String title;
    private String description;
    private String invocationId;
    private TaskResult result;
    private Optional<TaskAction> action;
    private final Map<String, com.fasterxml.jackson.databind.JsonNode> extra;

    public TaskEdit(TaskRecord base) {
        this.base = base;
        TaskState t = base.task();
        state = t.state();
        assignedTo = t.assignedTo();
        title = t.title();
        description = t.description();
        invocationId = t.invocationId();
        result = t.result();
        action = t.action();
        extra = new java.util.LinkedHashMap<>(t.extra());
    }

    public TaskEdit state(String value) {
        state = value;
        return this;
    }

    public TaskEdit assignedTo(String value) {
        assignedTo = value;
        return this;
    }

    public TaskEdit title(String value) {
        title = value;
        return this;
    }

    public TaskEdit description(String value) {
        description = value;
        return this;
    }

    public TaskEdit invocationId(String value) {
        invocationId = value;
        return this;
    }

    public TaskEdit result(TaskResult value) {
        result = value;
        return this;
    }

    public TaskEdit action(Optional<TaskAction> value) {
        action = value;
        return this;
    }

    public TaskEdit extra(String name, String value) {
        extra.put(name, com.fasterxml.jackson.databind.node.TextNode.valueOf(value));
        return this;
    }

    public TaskState build(Instant now) {
        TaskState t = base.task();
        return new TaskState(t.taskId(), title, description, state, assignedTo, t.createdBy(), t.dependsOn(),
                t.blocks(), invocationId, t.createdAt(), Timestamps.seconds(now), t.stateRev() + 1, base.eventId(),
                result, action, extra);
    }
}
