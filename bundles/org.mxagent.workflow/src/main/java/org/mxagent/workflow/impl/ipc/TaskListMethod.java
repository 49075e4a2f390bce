package org.mxagent.workflow.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.workflow.api.TaskRecord;
import org.mxagent.workflow.api.TaskService;
import org.mxagent.workflow.api.WorkflowException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code task.list {room}}: {@code {room, tasks:[…]}}. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=task.list")
public final class TaskListMethod extends TaskMethod {
    private final TaskService tasks;

    @Activate
    public TaskListMethod(@Reference TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    JsonNode run(JsonNode params) throws WorkflowException, IpcException {
        String room = required(params, "room");
        ObjectNode out = ProtocolJson.newObject();
        out.put("room", room);
        ArrayNode list = out.putArray("tasks");
        for (TaskRecord record : tasks.list(room)) {
            list.add(record(record));
        }
        return out;
    }
}
