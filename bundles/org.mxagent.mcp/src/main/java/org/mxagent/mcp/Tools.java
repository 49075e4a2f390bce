package org.mxagent.mcp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mxagent.ipc.wire.JsonWriter;

/** The MCP tools: each maps its arguments onto one daemon IPC method (specs/mcp.md has the table). */
final class Tools {
    /** Largest local file share_file reads for a {@code path}: base64 of it must fit a 16 MiB frame. */
    static final long MAX_SHARE_BYTES = 12L * 1024 * 1024;

    interface Handler {
        ToolResult call(Map<String, Object> args, CallContext context) throws DaemonException, ToolException;
    }

    record Tool(String name, String title, String description, Map<String, Object> inputSchema, Handler handler) {
        /** Runs the tool; daemon and argument failures become tool errors the model can read. */
        ToolResult run(Map<String, Object> args, CallContext context) {
            try {
                return handler.call(args, context);
            } catch (ToolException e) {
                return ToolResult.error(e.getMessage());
            } catch (DaemonException e) {
                return ToolResult.error(Tools.describe(e));
            }
        }
    }

    private final Daemon daemon;
    private final Map<String, Tool> tools = new LinkedHashMap<>();

    Tools(Daemon daemon, Path defaultCwd) {
        this.daemon = daemon;
        add("daemon_status", "Daemon status", "Status of the local mx-agent daemon: pid, uptime, version, Matrix "
                + "session (null when logged out), sync, bundles.", "{}", (a, c) -> pass("daemon.status", Map.of()));
        add("workspaces_list", "List workspaces", "The mx-agent workspaces (Matrix rooms) this account has joined.",
                "{}", (a, c) -> pass("workspace.list", Map.of()));
        add("agents_list", "List agents", "The agents registered in a workspace room, with liveness "
                + "(active/stale/offline), capabilities and tools.", """
                {"room": {"type": "string", "description": "Room id (!…) or alias (#…:server)"},
                 "capabilities": {"type": "array", "items": {"type": "string"},
                                  "description": "Only agents having all of these capabilities"}}""",
                (a, c) -> pass("agent.list", copy(a, List.of("room"), List.of("capabilities"))), "room");
        ExecTool exec = new ExecTool(daemon, defaultCwd);
        add("exec", "Run a command on an agent", "Runs argv on a remote agent of a workspace (room + agent) through "
                + "its policy and sandbox, or on this machine when both are omitted. Output streams as progress "
                + "notifications; the result has the output and the exit code.", """
                {"room": {"type": "string", "description": "Workspace room id or alias of the target agent"},
                 "agent": {"type": "string", "description": "Target agent id (agt_…); give room and agent together"},
                 "argv": {"type": "array", "items": {"type": "string"}, "minItems": 1,
                          "description": "Program and arguments, no shell: [\\"sh\\", \\"-c\\", \\"…\\"] for one"},
                 "cwd": {"type": "string", "description": "Working directory on the target (default: the MCP server's)"},
                 "timeout_ms": {"type": "integer", "minimum": 1, "description": "Kill the command after this long"}}""",
                exec::call, "argv");
        add("share_file", "Share a document", "Shares a document with a workspace room (signed context.share). "
                + "Give exactly one of text, path (an absolute local file) or content_base64.", """
                {"room": {"type": "string"}, "text": {"type": "string", "description": "The document as text"},
                 "path": {"type": "string", "description": "Absolute path of a local file to share"},
                 "content_base64": {"type": "string"}, "name": {"type": "string"},
                 "mime_type": {"type": "string"}}""", this::shareFile, "room");
        add("share_get", "Fetch a shared document", "Fetches a shared document by context id, checked (sender, "
                + "signature, size, sha256). Text documents are returned as text; give output (an absolute path) "
                + "to write the document to a file instead.", """
                {"context_id": {"type": "string"}, "room": {"type": "string"},
                 "output": {"type": "string", "description": "Absolute path the daemon writes the document to"}}""",
                this::shareGet, "context_id");
        add("task_create", "Create a task", "Creates a task in a workspace's task graph (com.mxagent.task.v1).", """
                {"room": {"type": "string"}, "title": {"type": "string"}, "description": {"type": "string"},
                 "depends_on": {"type": "array", "items": {"type": "string"}},
                 "blocks": {"type": "array", "items": {"type": "string"}},
                 "assigned_to": {"type": "string", "description": "Agent id"},
                 "action": {"type": "object", "description": "What the assignee runs, e.g. an exec action"}}""",
                (a, c) -> pass("task.create", copy(a, List.of("room", "title"),
                        List.of("description", "depends_on", "blocks", "assigned_to", "action"))), "room", "title");
        add("task_list", "List tasks", "The tasks of a workspace room.", """
                {"room": {"type": "string"}}""", (a, c) -> pass("task.list", copy(a, List.of("room"), List.of())),
                "room");
        add("task_update", "Update a task", "Changes a task's state (allowed transitions only), assignee, title or "
                + "description.", """
                {"room": {"type": "string"}, "task_id": {"type": "string"},
                 "state": {"type": "string", "enum": ["proposed", "pending", "assigned", "executing", "succeeded",
                           "failed", "cancelled", "blocked", "superseded"]},
                 "assigned_to": {"type": "string"}, "title": {"type": "string"}, "description": {"type": "string"}}""",
                (a, c) -> pass("task.update", copy(a, List.of("room", "task_id"),
                        List.of("state", "assigned_to", "title", "description"))), "room", "task_id");
        add("task_show", "Show a task", "One task in full: action, invocation, result (status, reason, exit code, "
                + "output tail).", """
                {"task_id": {"type": "string"}, "room": {"type": "string"}}""",
                (a, c) -> pass("task.show", copy(a, List.of("task_id"), List.of("room"))), "task_id");
        add("task_graph", "Task graph", "The workspace's task DAG: text (states, owners, what blocks what and why a "
                + "task is not runnable) or Graphviz DOT.", """
                {"room": {"type": "string"}, "format": {"type": "string", "enum": ["text", "dot"]}}""",
                (a, c) -> pass("task.graph", copy(a, List.of("room"), List.of("format"))), "room");
        add("task_watch", "Watch tasks", "Waits until the workspace changes (a task's state, an agent's liveness, "
                + "the workspace), at most timeout_ms (default 25000, max 50000), then returns the tasks and a "
                + "digest; pass the digest as since to wait for the next change.", """
                {"room": {"type": "string"}, "since": {"type": "string", "description": "digest of the last answer"},
                 "timeout_ms": {"type": "integer", "minimum": 1, "maximum": 50000}}""", this::taskWatch, "room");
        add("call", "Call a tool of an agent", "Calls a named tool (e.g. read_file@1.0.0, git_status) that an agent "
                + "of a workspace offers, through its policy; on this machine when room and agent are omitted.", """
                {"tool": {"type": "string", "description": "name or name@version"},
                 "args": {"type": "object", "description": "The tool's arguments (its input schema)"},
                 "room": {"type": "string"}, "agent": {"type": "string"},
                 "timeout_ms": {"type": "integer", "minimum": 1}}""", this::callTool, "tool");
        add("approvals_list", "List approval holds", "Requests held on this runtime until someone approves them "
                + "(policy requires_approval): request id, room, expiry, approvals so far, summary.", """
                {"room": {"type": "string"}}""", (a, c) -> pass("approval.list", copy(a, List.of(),
                        List.of("room"))));
        add("approval_decide", "Approve or deny a held request", "A signed approval decision as this account: "
                + "approve releases the request (re-authorized, run exactly once), deny refuses it.", """
                {"request_id": {"type": "string"}, "decision": {"type": "string", "enum": ["approve", "deny"]}}""",
                this::decide, "request_id", "decision");
    }

    private ToolResult taskWatch(Map<String, Object> args, CallContext context)
            throws DaemonException, ToolException {
        Map<String, Object> look = copy(args, List.of("room"), List.of("since", "timeout_ms"));
        look.putIfAbsent("since", "");
        Map<String, Object> watched = Json.object(daemon.call("workspace.watch", look, null));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("digest", watched.get("digest"));
        result.put("changed", watched.get("changed"));
        result.put("tasks", Json.object(daemon.call("task.list", copy(args, List.of("room"), List.of()), null))
                .get("tasks"));
        return ToolResult.ok(JsonWriter.write(result), result);
    }

    /** A call runs until the tool answers; a long one is followed with invocation.attach like the CLI does. */
    private ToolResult callTool(Map<String, Object> args, CallContext context)
            throws DaemonException, ToolException {
        Map<String, Object> params = copy(args, List.of("tool"), List.of("room", "agent", "timeout_ms"));
        params.put("args", args.getOrDefault("args", Map.of()));
        if (params.containsKey("room") != params.containsKey("agent")) {
            throw new ToolException("give room and agent together, or neither (this machine)");
        }
        Map<String, Object> result = Json.object(daemon.call("call", params, null));
        while (Boolean.FALSE.equals(result.get("done"))) {
            Map<String, Object> attach = new LinkedHashMap<>();
            attach.put("invocation_id", result.get("invocation_id"));
            attach.put("cursor", result.getOrDefault("cursor", 0L));
            result = Json.object(daemon.call("invocation.attach", attach, null));
        }
        if (Boolean.TRUE.equals(result.get("ok"))) {
            return ToolResult.ok(JsonWriter.write(result.get("result")), result);
        }
        return ToolResult.error("call failed" + (result.get("error_code") == null ? "" : " ("
                + result.get("error_code") + ")") + ": " + result.get("error"));
    }

    private ToolResult decide(Map<String, Object> args, CallContext context) throws DaemonException, ToolException {
        String decision = text(args, "decision");
        if (!decision.equals("approve") && !decision.equals("deny")) {
            throw new ToolException("decision must be approve or deny, not " + decision);
        }
        return pass("approval." + decision, copy(args, List.of("request_id"), List.of()));
    }

    private void add(String name, String title, String description, String properties, Handler handler,
            String... required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Json.constant(properties));
        if (required.length > 0) {
            schema.put("required", List.of(required));
        }
        schema.put("additionalProperties", false);
        tools.put(name, new Tool(name, title, description, schema, handler));
    }

    Tool find(String name) {
        return tools.get(name);
    }

    /** The {@code tools/list} entries. */
    List<Map<String, Object>> describe() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Tool tool : tools.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", tool.name());
            entry.put("title", tool.title());
            entry.put("description", tool.description());
            entry.put("inputSchema", tool.inputSchema());
            list.add(entry);
        }
        return list;
    }

    private ToolResult pass(String method, Map<String, Object> params) throws DaemonException {
        Object result = daemon.call(method, params, null);
        return ToolResult.ok(JsonWriter.write(result), structured(result));
    }

    private ToolResult shareFile(Map<String, Object> args, CallContext context)
            throws DaemonException, ToolException {
        Map<String, Object> params = copy(args, List.of("room"), List.of("name", "mime_type"));
        int given = (args.containsKey("text") ? 1 : 0) + (args.containsKey("path") ? 1 : 0)
                + (args.containsKey("content_base64") ? 1 : 0);
        if (given != 1) {
            throw new ToolException("share_file needs exactly one of text, path or content_base64");
        }
        if (args.containsKey("text")) {
            params.put("content_base64", Base64.getEncoder().encodeToString(
                    text(args, "text").getBytes(StandardCharsets.UTF_8)));
        } else if (args.containsKey("content_base64")) {
            params.put("content_base64", text(args, "content_base64"));
        } else {
            Path path = Path.of(text(args, "path"));
            if (!path.isAbsolute()) {
                throw new ToolException("path must be absolute: " + path);
            }
            try {
                long size = Files.size(path);
                if (size > MAX_SHARE_BYTES) {
                    throw new ToolException(path + " has " + size + " bytes, over the " + MAX_SHARE_BYTES
                            + " this tool sends");
                }
                params.put("content_base64", Base64.getEncoder().encodeToString(Files.readAllBytes(path)));
            } catch (IOException e) {
                throw new ToolException("cannot read " + path + ": " + e);
            }
            params.putIfAbsent("name", path.getFileName().toString());
        }
        return pass("share.file", params);
    }

    private ToolResult shareGet(Map<String, Object> args, CallContext context) throws DaemonException, ToolException {
        Map<String, Object> params = copy(args, List.of("context_id"), List.of("room", "output"));
        Map<String, Object> result = new LinkedHashMap<>(Json.object(daemon.call("share.get", params, null)));
        Object encoded = result.get("content_base64");
        if (!(encoded instanceof String base64)) {
            return ToolResult.ok(JsonWriter.write(result), result);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return ToolResult.error("the daemon sent content that is not base64: " + e.getMessage());
        }
        String text = utf8(bytes);
        Map<String, Object> meta = new LinkedHashMap<>(result);
        meta.remove("content_base64");
        if (text == null) {
            return ToolResult.ok("binary document of " + bytes.length + " bytes (" + meta.get("name") + ", "
                    + meta.get("document_mime_type") + "); call again with output to write it to a file\n"
                    + JsonWriter.write(meta), result);
        }
        meta.put("text", text);
        return ToolResult.ok(text, meta);
    }

    /** Strict UTF-8 decoding; null if the bytes are not UTF-8 (then the document is binary for us). */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The named arguments, required ones checked; the rest are ignored. */
    static Map<String, Object> copy(Map<String, Object> args, List<String> required, List<String> optional)
            throws ToolException {
        Map<String, Object> params = new LinkedHashMap<>();
        for (String name : required) {
            Object value = args.get(name);
            if (value == null || value instanceof String text && text.isBlank()) {
                throw new ToolException("missing required argument: " + name);
            }
            params.put(name, value);
        }
        for (String name : optional) {
            if (args.get(name) != null) {
                params.put(name, args.get(name));
            }
        }
        return params;
    }

    static String text(Map<String, Object> args, String name) throws ToolException {
        if (!(args.get(name) instanceof String value)) {
            throw new ToolException(name + " must be a string");
        }
        return value;
    }

    /** {@code structuredContent} must be an object: other results are wrapped. */
    static Map<String, Object> structured(Object result) {
        if (result instanceof Map) {
            return Json.object(result);
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("result", result);
        return wrapped;
    }

    /** The text a model sees for a failed daemon call. */
    static String describe(DaemonException e) {
        return switch (e.kind()) {
            case NOT_RUNNING -> e.getMessage();
            case REMOTE -> e.code() == McpServer.METHOD_NOT_FOUND
                    ? "this mx-agent daemon does not offer that method (" + e.getMessage()
                            + "); its bundle may be missing or stopped"
                    : "mx-agent daemon: " + e.getMessage()
                            + (e.data().get("exit") instanceof Number exit ? " (exit " + exit + ")" : "");
            case FAILED -> "mx-agent daemon connection failed: " + e.getMessage();
        };
    }
}
