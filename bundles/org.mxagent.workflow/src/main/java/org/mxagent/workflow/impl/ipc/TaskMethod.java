package org.mxagent.workflow.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.workflow.api.TaskRecord;
import org.mxagent.workflow.api.WorkflowException;

/** Base of the {@code task.*} IPC methods: parameter reading and the mapping of failures to exit codes. */
abstract class TaskMethod implements IpcMethod {

    @Override
    public final JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        try {
            return run(params);
        } catch (WorkflowException e) {
            throw switch (e.kind()) {
                case INVALID -> IpcException.usage(e.getMessage());
                case NOT_FOUND -> IpcException.notFound(e.getMessage());
                case FAILED -> IpcException.failed(e.getMessage(), e);
            };
        }
    }

    abstract JsonNode run(JsonNode params) throws WorkflowException, IpcException;

    static String required(JsonNode params, String name) throws IpcException {
        JsonNode value = params.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw IpcException.usage("missing parameter '" + name + "'");
        }
        return value.asText();
    }

    static Optional<String> optional(JsonNode params, String name) throws IpcException {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw IpcException.usage("parameter '" + name + "' must be a string");
        }
        return Optional.of(value.asText());
    }

    static List<String> strings(JsonNode params, String name) throws IpcException {
        JsonNode value = params.get(name);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            throw IpcException.usage("parameter '" + name + "' must be an array of strings");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw IpcException.usage("parameter '" + name + "' must be an array of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    /** The task.v1 content plus {@code room} and the emitted {@code event_id}. */
    static ObjectNode record(TaskRecord record) {
        ObjectNode out = ProtocolCodec.encode(record.task());
        out.put("room", record.roomId());
        out.put("event_id", record.eventId());
        return out;
    }
}
