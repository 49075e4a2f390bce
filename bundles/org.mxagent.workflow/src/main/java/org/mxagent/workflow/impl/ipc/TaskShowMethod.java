package org.mxagent.workflow.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.workflow.api.TaskService;
import org.mxagent.workflow.api.WorkflowException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code task.show {task_id, room?}}: the task.v1 content plus {@code room} and {@code event_id}; unknown: exit 3. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=task.show")
public final class TaskShowMethod extends TaskMethod {
    private final TaskService tasks;

    @Activate
    public TaskShowMethod(@Reference TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    JsonNode run(JsonNode params) throws WorkflowException, IpcException {
        return record(tasks.show(optional(params, "room").orElse(null), required(params, "task_id")));
    }
}
