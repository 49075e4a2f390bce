package org.mxagent.workflow.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.workflow.api.TaskChange;
import org.mxagent.workflow.api.TaskService;
import org.mxagent.workflow.api.WorkflowException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code task.update {room, task_id, state?, assigned_to?, title?, description?}}. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=task.update")
public final class TaskUpdateMethod extends TaskMethod {
    private final TaskService tasks;

    @Activate
    public TaskUpdateMethod(@Reference TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    JsonNode run(JsonNode params) throws WorkflowException, IpcException {
        return record(tasks.update(required(params, "room"), required(params, "task_id"),
                new TaskChange(optional(params, "state"), optional(params, "assigned_to"),
                        optional(params, "title"), optional(params, "description"))));
    }
}
