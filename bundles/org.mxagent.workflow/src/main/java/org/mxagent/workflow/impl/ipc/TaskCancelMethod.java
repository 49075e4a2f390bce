package org.mxagent.workflow.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.workflow.api.TaskService;
import org.mxagent.workflow.api.WorkflowException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code task.cancel {task_id, room?}}: cancels the task and the invocation running it here. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=task.cancel")
public final class TaskCancelMethod extends TaskMethod {
    private final TaskService tasks;

    @Activate
    public TaskCancelMethod(@Reference TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    JsonNode run(JsonNode params) throws WorkflowException, IpcException {
        return record(tasks.cancel(optional(params, "room").orElse(null), required(params, "task_id")));
    }
}
