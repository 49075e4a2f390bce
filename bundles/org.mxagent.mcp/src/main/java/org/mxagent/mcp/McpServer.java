package org.mxagent.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.mxagent.ipc.wire.JsonException;
import org.mxagent.ipc.wire.JsonReader;

/**
 * The MCP protocol layer (specs/mcp.md): one JSON-RPC 2.0 message per line in, one per line out. Requests are
 * answered in {@link #handleLine}; {@code tools/call} runs on the given executor so that a long exec does not
 * block pings or cancellations. Output goes through {@code out}, which must be thread-safe.
 */
final class McpServer {
    /** Newest first: the first is what we offer when the client asks for a version we do not know. */
    static final List<String> VERSIONS = List.of("2025-06-18", "2025-03-26");

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;

    private final Tools tools;
    private final Consumer<Map<String, Object>> out;
    private final Executor executor;
    private final String serverVersion;
    private final Map<Object, Call> inFlight = new ConcurrentHashMap<>();
    private volatile String protocolVersion;

    McpServer(Tools tools, Consumer<Map<String, Object>> out, Executor executor, String serverVersion) {
        this.tools = tools;
        this.out = out;
        this.executor = executor;
        this.serverVersion = serverVersion;
    }

    /** The version agreed in {@code initialize}, or null before it. */
    String protocolVersion() {
        return protocolVersion;
    }

    void handleLine(String line) {
        if (line.isBlank()) {
            return;
        }
        Object message;
        try {
            message = JsonReader.parse(line);
        } catch (JsonException e) {
            send(error(null, PARSE_ERROR, "parse error: " + e.getMessage()));
            return;
        }
        if (message instanceof List) {
            send(error(null, INVALID_REQUEST, "JSON-RPC batches are not supported; send one message per line"));
            return;
        }
        if (!(message instanceof Map)) {
            send(error(null, INVALID_REQUEST, "a JSON-RPC message must be an object"));
            return;
        }
        handle(Json.object(message));
    }

    private void handle(Map<String, Object> message) {
        Object id = message.get("id");
        boolean hasId = message.containsKey("id");
        String method = Json.string(message, "method");
        if (!"2.0".equals(message.get("jsonrpc"))) {
            if (hasId) {
                send(error(id, INVALID_REQUEST, "jsonrpc must be \"2.0\""));
            }
            return;
        }
        if (method == null) {
            // A response to a request of ours: we send none, so there is nothing to match it to.
            if (!message.containsKey("result") && !message.containsKey("error") && hasId) {
                send(error(id, INVALID_REQUEST, "a request needs a method"));
            }
            return;
        }
        if (hasId && !(id instanceof String) && !(id instanceof Number)) {
            send(error(null, INVALID_REQUEST, "a request id must be a string or a number"));
            return;
        }
        Object rawParams = message.get("params");
        if (rawParams != null && !(rawParams instanceof Map)) {
            if (hasId) {
                send(error(id, INVALID_PARAMS, "params must be an object"));
            }
            return;
        }
        Map<String, Object> params = Json.object(rawParams);
        if (!hasId) {
            notification(method, params);
            return;
        }
        switch (method) {
            case "initialize" -> send(result(id, initialize(params)));
            case "ping" -> send(result(id, Map.of()));
            case "tools/list" -> {
                if (requireInitialized(id)) {
                    send(result(id, Map.of("tools", tools.describe())));
                }
            }
            case "tools/call" -> {
                if (requireInitialized(id)) {
                    toolsCall(id, params);
                }
            }
            default -> send(error(id, METHOD_NOT_FOUND, "method not found: " + method));
        }
    }

    private boolean requireInitialized(Object id) {
        if (protocolVersion == null) {
            send(error(id, INVALID_REQUEST, "the server is not initialized: send initialize first"));
            return false;
        }
        return true;
    }

    private Map<String, Object> initialize(Map<String, Object> params) {
        String requested = Json.string(params, "protocolVersion");
        protocolVersion = requested != null && VERSIONS.contains(requested) ? requested : VERSIONS.get(0);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("protocolVersion", protocolVersion);
        result.put("capabilities", Map.of("tools", Map.of("listChanged", false)));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", "mx-agent");
        if (protocolVersion.equals("2025-06-18")) {
            info.put("title", "mx-agent network");
        }
        info.put("version", serverVersion);
        result.put("serverInfo", info);
        result.put("instructions", "Tools of the mx-agent network: workspaces (Matrix rooms), the agents in them, "
                + "remote exec on an agent (output streams as progress), shared context and task graphs. "
                + "They need a running mx-agent daemon (mx-agent daemon start) that is logged in.");
        return result;
    }

    private void notification(String method, Map<String, Object> params) {
        if (method.equals("notifications/cancelled")) {
            Call call = inFlight.get(normalizeId(params.get("requestId")));
            if (call != null) {
                call.cancel();
            }
        }
        // notifications/initialized and anything else: nothing to do (a notification is never answered).
    }

    private void toolsCall(Object id, Map<String, Object> params) {
        String name = Json.string(params, "name");
        Tools.Tool tool = name == null ? null : tools.find(name);
        if (tool == null) {
            send(error(id, INVALID_PARAMS, name == null ? "tools/call needs a tool name" : "unknown tool: " + name));
            return;
        }
        Object rawArguments = params.get("arguments");
        if (rawArguments != null && !(rawArguments instanceof Map)) {
            send(error(id, INVALID_PARAMS, "arguments must be an object"));
            return;
        }
        Object token = Json.object(params.get("_meta")).get("progressToken");
        Call call = new Call(id, token instanceof String || token instanceof Number ? token : null);
        if (inFlight.putIfAbsent(normalizeId(id), call) != null) {
            send(error(id, INVALID_REQUEST, "request id " + id + " is already in use"));
            return;
        }
        boolean structured = "2025-06-18".equals(protocolVersion);
        executor.execute(() -> {
            Map<String, Object> reply;
            try {
                reply = result(id, tool.run(Json.object(rawArguments), call).toJson(structured));
            } catch (RuntimeException e) {
                reply = error(id, INTERNAL_ERROR, "tool " + name + " failed: " + e);
            } finally {
                inFlight.remove(normalizeId(id));
            }
            if (!call.cancelled()) { // a cancelled request gets no answer (MCP cancellation)
                send(reply);
            }
        });
    }

    /** Cancels every call still running (stdin closed: nobody will read their answers). */
    void cancelAll() {
        for (Call call : new ArrayList<>(inFlight.values())) {
            call.cancel();
        }
    }

    /** Ids 7 and 7.0 name the same request; strings stay strings. */
    private static Object normalizeId(Object id) {
        return id instanceof Number number ? (Object) number.toString() : id;
    }

    private void send(Map<String, Object> message) {
        out.accept(message);
    }

    static Map<String, Object> result(Object id, Object result) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("jsonrpc", "2.0");
        reply.put("id", id);
        reply.put("result", result);
        return reply;
    }

    static Map<String, Object> error(Object id, int code, String message) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("jsonrpc", "2.0");
        reply.put("id", id);
        reply.put("error", Map.of("code", code, "message", message));
        return reply;
    }

    /** One running tools/call. */
    private final class Call implements CallContext {
        private final Object id;
        private final Object progressToken;
        private final AtomicLong progress = new AtomicLong();
        private final List<Runnable> hooks = new ArrayList<>();
        private boolean cancelled;

        Call(Object id, Object progressToken) {
            this.id = id;
            this.progressToken = progressToken;
        }

        @Override
        public void progress(String message) {
            if (progressToken == null || cancelled()) {
                return;
            }
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("progressToken", progressToken);
            params.put("progress", progress.incrementAndGet());
            params.put("message", message);
            Map<String, Object> notification = new LinkedHashMap<>();
            notification.put("jsonrpc", "2.0");
            notification.put("method", "notifications/progress");
            notification.put("params", params);
            send(notification);
        }

        @Override
        public void onCancel(Runnable hook) {
            boolean now;
            synchronized (this) {
                now = cancelled;
                if (!now) {
                    hooks.add(hook);
                }
            }
            if (now) {
                hook.run();
            }
        }

        @Override
        public synchronized boolean cancelled() {
            return cancelled;
        }

        void cancel() {
            List<Runnable> toRun;
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                cancelled = true;
                toRun = new ArrayList<>(hooks);
                hooks.clear();
            }
            for (Runnable hook : toRun) {
                hook.run();
            }
        }

        @Override
        public String toString() {
            return "tools/call " + id;
        }
    }
}
