package org.mxagent.daemon.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.daemon.api.IpcException;

/** Builds the JSON-RPC 2.0 messages of specs/daemon-ipc.md. */
public final class JsonRpc {
    /** Shared, thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRpc() {}

    public static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode reply = envelope(id);
        reply.set("result", result == null ? NullNode.getInstance() : result);
        return reply;
    }

    public static ObjectNode stream(JsonNode id, JsonNode chunk) {
        ObjectNode reply = envelope(id);
        reply.set("stream", chunk == null ? NullNode.getInstance() : chunk);
        return reply;
    }

    public static ObjectNode error(JsonNode id, IpcException failure) {
        ObjectNode reply = envelope(id);
        ObjectNode error = reply.putObject("error");
        error.put("code", failure.code());
        error.put("message", failure.getMessage() == null ? "" : failure.getMessage());
        ObjectNode data = error.putObject("data");
        failure.data().forEach(data::set);
        data.put("exit", failure.exitCode());
        return reply;
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode reply = MAPPER.createObjectNode();
        reply.put("jsonrpc", "2.0");
        reply.set("id", id == null ? NullNode.getInstance() : id);
        return reply;
    }
}
