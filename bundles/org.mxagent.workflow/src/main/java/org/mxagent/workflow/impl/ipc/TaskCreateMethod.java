package org.mxagent.workflow.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.workflow.api.TaskDraft;
import org.mxagent.workflow.api.TaskService;
import org.mxagent.workflow.api.WorkflowException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code task.create {room, title, description?, depends_on?, blocks?, assigned_to?, created_by?, action?}}. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=task.create")
public final class TaskCreateMethod extends TaskMethod {
    private final TaskService tasks;

    @Activate
    public TaskCreateMethod(@Reference TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    JsonNode run(JsonNode params) throws WorkflowException, IpcException {
        JsonNode action = params.get("action");
        if (action != null && !action.isNull() && !action.isObject()) {
            throw IpcException.usage("parameter 'action' must be an object");
        }
        return record(tasks.create(new TaskDraft(required(params, "room"), required(params, "title"),
                optional(params, "description").orElse(null), strings(params, "depends_on"),
                strings(params, "blocks"), optional(params, "assigned_to").orElse(null),
                optional(params, "created_by").orElse(""),
                action == null || action.isNull() ? Optional.empty() : Optional.of((ObjectNode) action))));
    }
}
