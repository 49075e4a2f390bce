package org.mxagent.daemon.impl;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcException;

/**
 * A validated JSON-RPC 2.0 request. {@code id} is null for a notification (no {@code id} member), which runs
 * but gets no reply.
 */
record Request(JsonNode id, String method, JsonNode params) {

    boolean isNotification() {
        return id == null;
    }

    /** Checks the envelope; the exception's id is whatever could be read, for the error reply. */
    static Request of(JsonNode message) throws InvalidRequest {
        if (message == null || !message.isObject()) {
            throw new InvalidRequest(null, invalid("request must be a JSON object"));
        }
        JsonNode id = message.get("id");
        if (id != null && !(id.isNumber() || id.isTextual() || id.isNull())) {
            throw new InvalidRequest(null, invalid("id must be a number, a string or null"));
        }
        if (!"2.0".equals(message.path("jsonrpc").asText(null))) {
            throw new InvalidRequest(id, invalid("jsonrpc must be \"2.0\""));
        }
        JsonNode method = message.get("method");
        if (method == null || !method.isTextual() || method.asText().isEmpty()) {
            throw new InvalidRequest(id, invalid("method must be a non-empty string"));
        }
        JsonNode params = message.get("params");
        if (params == null) {
            params = JsonRpc.MAPPER.createObjectNode();
        } else if (!params.isObject() && !params.isArray()) {
            throw new InvalidRequest(id, IpcException.usage("params must be an object or an array"));
        }
        return new Request(id, method.asText(), params);
    }

    private static IpcException invalid(String message) {
        return new IpcException(IpcException.INVALID_REQUEST, "invalid request: " + message, IpcException.EXIT_FAILURE);
    }

    /** A message that is JSON but not a request; carries the id to answer with. */
    static final class InvalidRequest extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient JsonNode id;

        InvalidRequest(JsonNode id, IpcException reason) {
            super(reason);
            this.id = id;
        }

        JsonNode id() {
            return id;
        }

        IpcException reason() {
            return (IpcException) getCause();
        }
    }
}
