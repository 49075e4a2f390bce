package org.mxagent.workflow.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.workflow.api.GraphFormat;
import org.mxagent.workflow.api.TaskService;
import org.mxagent.workflow.api.WorkflowException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code task.graph {room, format?: text|dot|svg}}: {@code {room, format, graph}}. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=task.graph")
public final class TaskGraphMethod extends TaskMethod {
    private final TaskService tasks;

    @Activate
    public TaskGraphMethod(@Reference TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    JsonNode run(JsonNode params) throws WorkflowException, IpcException {
        String room = required(params, "room");
        GraphFormat format = GraphFormat.parse(optional(params, "format").orElse("text"));
        ObjectNode out = ProtocolJson.newObject();
        out.put("room", room);
        out.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
        out.put("graph", tasks.graph(room, format));
        return out;
    }
}
