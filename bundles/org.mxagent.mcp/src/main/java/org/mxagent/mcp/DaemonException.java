package org.mxagent.mcp;

import java.util.Map;

/** A daemon call that did not produce a result: not running, an error reply, or a broken connection. */
final class DaemonException extends Exception {
    private static final long serialVersionUID = 1L;

    static final String NOT_RUNNING = "mx-agent daemon is not running: run mx-agent daemon start";

    enum Kind { NOT_RUNNING, REMOTE, FAILED }

    private final Kind kind;
    private final long code;
    private final transient Map<String, Object> data;

    DaemonException(Kind kind, long code, String message, Map<String, Object> data, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
        this.data = data == null ? Map.of() : data;
    }

    static DaemonException notRunning(String detail) {
        return new DaemonException(Kind.NOT_RUNNING, 0, NOT_RUNNING + " (" + detail + ")", null, null);
    }

    static DaemonException remote(Map<String, Object> error) {
        String message = Json.string(error, "message");
        long code = error.get("code") instanceof Number n ? n.longValue() : 0;
        return new DaemonException(Kind.REMOTE, code, message == null || message.isEmpty()
                ? "the daemon reported an error without a message" : message, Json.object(error.get("data")), null);
    }

    static DaemonException failed(String message, Throwable cause) {
        return new DaemonException(Kind.FAILED, 0, message, null, cause);
    }

    Kind kind() {
        return kind;
    }

    /** The JSON-RPC error code of a {@link Kind#REMOTE} error (-32601: the daemon lacks the method). */
    long code() {
        return code;
    }

    Map<String, Object> data() {
        return data;
    }
}
