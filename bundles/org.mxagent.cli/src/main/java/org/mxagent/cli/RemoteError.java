package org.mxagent.cli;

import java.util.Map;

/** A JSON-RPC error reply; the exit code comes from {@code error.data.exit} (1 when absent). */
final class RemoteError extends CliException {
    private static final long serialVersionUID = 1L;
    static final int METHOD_NOT_FOUND = -32601;

    private final long code;
    private final transient Map<String, Object> data;

    private RemoteError(long code, String message, int exitCode, Map<String, Object> data) {
        super(exitCode, message);
        this.code = code;
        this.data = data;
    }

    static RemoteError from(Map<String, Object> error) {
        Map<String, Object> data = Json.object(error, "data");
        long exit = Json.number(data, "exit", ExitCodes.FAILURE);
        String message = Json.string(error, "message");
        return new RemoteError(Json.number(error, "code", 0),
                message == null || message.isEmpty() ? "the daemon reported an error without a message" : message,
                exit > 0 && exit < 256 ? (int) exit : ExitCodes.FAILURE, data);
    }

    long code() {
        return code;
    }

    /** {@code error.data}, e.g. {@code output} a failed shell command printed. */
    Map<String, Object> data() {
        return data;
    }
}
