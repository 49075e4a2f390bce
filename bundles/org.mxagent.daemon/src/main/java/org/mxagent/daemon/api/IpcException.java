package org.mxagent.daemon.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A failed call as the client will see it: a JSON-RPC error code, a readable message (no stack trace), the
 * process exit code the CLI should use ({@code error.data.exit}), and optional extra {@code data} members.
 */
public class IpcException extends Exception {
    private static final long serialVersionUID = 1L;

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Application failure (JSON-RPC's server error range). */
    public static final int FAILED = -32000;
    /** The thing asked about does not exist or is not running (not logged in, no such session...). */
    public static final int NOT_FOUND = -32001;

    /** Exit codes from cli.md. */
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_NOT_FOUND = 3;
    public static final int EXIT_USAGE = 64;

    private final int code;
    private final int exitCode;
    private final transient Map<String, JsonNode> data;

    public IpcException(int code, String message, int exitCode, Map<String, JsonNode> data, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.exitCode = exitCode;
        this.data = data == null ? Map.of() : Map.copyOf(data);
    }

    public IpcException(int code, String message, int exitCode) {
        this(code, message, exitCode, null, null);
    }

    /** Something does not exist or is not available (exit 3): "not logged in", "no such session". */
    public static IpcException notFound(String message) {
        return new IpcException(NOT_FOUND, message, EXIT_NOT_FOUND);
    }

    /** The caller passed bad or missing params (exit 64). */
    public static IpcException usage(String message) {
        return new IpcException(INVALID_PARAMS, message, EXIT_USAGE);
    }

    /** The operation was tried and failed (exit 1). */
    public static IpcException failed(String message) {
        return new IpcException(FAILED, message, EXIT_FAILURE);
    }

    /** The operation failed; {@code cause} is kept for the daemon's log, only {@code message} is sent. */
    public static IpcException failed(String message, Throwable cause) {
        return new IpcException(FAILED, message, EXIT_FAILURE, null, cause);
    }

    /** Like {@link #failed(String)} with extra {@code error.data} members, e.g. output captured so far. */
    public static IpcException failed(String message, Map<String, JsonNode> data) {
        return new IpcException(FAILED, message, EXIT_FAILURE, data, null);
    }

    /** No service answers {@code method}. */
    public static IpcException unknownMethod(String method) {
        return new IpcException(METHOD_NOT_FOUND, "unknown method " + method, EXIT_FAILURE);
    }

    /** A bug or unexpected failure inside the daemon. */
    public static IpcException internal(String message) {
        return new IpcException(INTERNAL_ERROR, message, EXIT_FAILURE);
    }

    public int code() {
        return code;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Extra members of {@code error.data}, besides {@code exit}. */
    public Map<String, JsonNode> data() {
        return data;
    }
}
