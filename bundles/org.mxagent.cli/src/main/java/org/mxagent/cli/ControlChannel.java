package org.mxagent.cli;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A second daemon connection for an exec's controls (stdin, cancel, resize): the first one is busy streaming its
 * output, and a connection carries one call at a time. Opened on first use; calls are serialised.
 */
final class ControlChannel implements AutoCloseable {
    private final Invocation inv;
    private final String invocationId;
    private IpcClient client;
    private boolean closed;

    ControlChannel(Invocation inv, String invocationId) {
        this.inv = inv;
        this.invocationId = invocationId;
    }

    void stdin(byte[] data, int length, boolean eof) throws CliException {
        Map<String, Object> params = params();
        params.put("data_base64", Base64.getEncoder().encodeToString(length == data.length ? data
                : java.util.Arrays.copyOf(data, length)));
        params.put("eof", eof);
        call("exec.stdin", params);
    }

    void cancel(String reason) throws CliException {
        Map<String, Object> params = params();
        params.put("reason", reason);
        call("exec.cancel", params);
    }

    void resize(int rows, int cols) throws CliException {
        Map<String, Object> params = params();
        params.put("rows", rows);
        params.put("cols", cols);
        call("pty.resize", params);
    }

    private Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("invocation_id", invocationId);
        return params;
    }

    private synchronized void call(String method, Map<String, Object> params) throws CliException {
        if (closed) {
            return;
        }
        if (client == null) {
            client = inv.connect();
        }
        client.call(method, params);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
        }
    }
}
