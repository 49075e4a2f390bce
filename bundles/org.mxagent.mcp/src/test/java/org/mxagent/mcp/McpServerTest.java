package org.mxagent.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.mxagent.ipc.wire.JsonWriter;

class McpServerTest {
    /** Daemon calls the tools made, and what the fake answers. */
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> sent = new CopyOnWriteArrayList<>();
    private Daemon daemon = (method, params, listener) -> {
        calls.add(method + " " + JsonWriter.write(params));
        return Map.of("pid", 42);
    };

    private McpServer server(Executor executor) {
        return new McpServer(new Tools((m, p, l) -> daemon.call(m, p, l), Path.of("/work")), sent::add, executor,
                "1.2.3");
    }

    private McpServer initialized(String version) {
        McpServer server = server(Runnable::run);
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        server.handleLine("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        sent.clear();
        return server;
    }

    private Map<String, Object> only() {
        assertEquals(1, sent.size(), "messages: " + sent);
        return sent.get(0);
    }

    private static Map<String, Object> result(Map<String, Object> reply) {
        return Json.object(reply.get("result"));
    }

    private static String toolText(Map<String, Object> reply) {
        return Json.string(Json.object(Json.array(result(reply).get("content")).get(0)), "text");
    }

    @Test
    void negotiatesBothSupportedVersionsAndOffersTheNewestOtherwise() {
        for (String version : List.of("2025-06-18", "2025-03-26")) {
            McpServer server = server(Runnable::run);
            sent.clear();
            server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\"" + version + "\"}}");
            Map<String, Object> reply = only();
            assertEquals("a", reply.get("id"));
            assertEquals(version, result(reply).get("protocolVersion"));
            assertEquals(Map.of("tools", Map.of("listChanged", false)), result(reply).get("capabilities"));
            assertEquals("1.2.3", Json.object(result(reply).get("serverInfo")).get("version"));
        }
        McpServer server = server(Runnable::run);
        sent.clear();
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2099-01-01\"}}");
        assertEquals("2025-06-18", result(only()).get("protocolVersion"));
        assertEquals("2025-06-18", server.protocolVersion());
    }

    @Test
    void refusesToolsBeforeInitializeButAnswersPing() {
        McpServer server = server(Runnable::run);
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}");
        assertEquals(Map.of(), result(only()));
        sent.clear();
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/list\"}");
        assertEquals(McpServer.INVALID_REQUEST, Json.object(only().get("error")).get("code"));
    }

    @Test
    void protocolErrors() {
        McpServer server = initialized("2025-06-18");
        server.handleLine("{not json");
        Map<String, Object> parse = only();
        assertTrue(parse.containsKey("id"));
        assertNull(parse.get("id"));
        assertEquals(McpServer.PARSE_ERROR, Json.object(parse.get("error")).get("code"));
        sent.clear();
        server.handleLine("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");
        assertEquals(McpServer.INVALID_REQUEST, Json.object(only().get("error")).get("code"));
        sent.clear();
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/list\"}");
        assertEquals(McpServer.METHOD_NOT_FOUND, Json.object(only().get("error")).get("code"));
        sent.clear();
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}");
        Map<String, Object> unknown = Json.object(only().get("error"));
        assertEquals(McpServer.INVALID_PARAMS, unknown.get("code"));
        assertEquals("unknown tool: nope", unknown.get("message"));
        sent.clear();
        server.handleLine("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"ping\"}");
        assertEquals(McpServer.INVALID_REQUEST, Json.object(only().get("error")).get("code"));
        sent.clear();
        server.handleLine("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/whatever\"}");
        server.handleLine("   ");
        assertEquals(List.of(), sent, "notifications and blank lines are never answered");
        assertEquals(List.of(), calls);
    }

    @Test
    void listsEveryToolWithAnObjectSchema() {
        McpServer server = initialized("2025-03-26");
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        List<String> names = new ArrayList<>();
        for (Object tool : Json.array(result(only()).get("tools"))) {
            Map<String, Object> entry = Json.object(tool);
            names.add(Json.string(entry, "name"));
            assertEquals("object", Json.object(entry.get("inputSchema")).get("type"));
            assertFalse(Json.string(entry, "description").isBlank());
        }
        assertEquals(List.of("daemon_status", "workspaces_list", "agents_list", "exec", "share_file", "share_get",
                "task_create", "task_list", "task_update", "task_show", "task_graph", "task_watch", "call",
                "approvals_list", "approval_decide"), names);
        Map<String, Object> execSchema = Json.object(Json.object(Json.array(result(only()).get("tools")).get(3))
                .get("inputSchema"));
        assertEquals(List.of("argv"), execSchema.get("required"));
    }

    @Test
    void toolCallProxiesToTheDaemonWithStructuredContentOnlyIn20250618() {
        McpServer server = initialized("2025-06-18");
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"agents_list\",\"arguments\":{\"room\":\"!r\",\"capabilities\":[\"gpu\"],\"extra\":1}}}");
        Map<String, Object> reply = only();
        assertEquals(9L, reply.get("id"));
        assertEquals(false, result(reply).get("isError"));
        assertEquals("{\"pid\":42}", toolText(reply));
        assertEquals(Map.of("pid", 42), result(reply).get("structuredContent"));
        assertEquals(List.of("agent.list {\"room\":\"!r\",\"capabilities\":[\"gpu\"]}"), calls);

        sent.clear();
        McpServer old = initialized("2025-03-26");
        old.handleLine("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"daemon_status\"}}");
        assertFalse(result(only()).containsKey("structuredContent"));
    }

    @Test
    void daemonNotRunningAndDaemonErrorsAreToolErrors() {
        McpServer server = initialized("2025-06-18");
        daemon = (m, p, l) -> {
            throw DaemonException.notRunning("no socket at /x/daemon.sock");
        };
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"daemon_status\",\"arguments\":{}}}");
        assertEquals(true, result(only()).get("isError"));
        assertTrue(toolText(only()).startsWith("mx-agent daemon is not running: run mx-agent daemon start"),
                toolText(only()));

        sent.clear();
        daemon = (m, p, l) -> {
            throw DaemonException.remote(Map.of("code", -32001, "message", "not logged in",
                    "data", Map.of("exit", 3)));
        };
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"workspaces_list\"}}");
        assertEquals("mx-agent daemon: not logged in (exit 3)", toolText(only()));

        sent.clear();
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"task_update\",\"arguments\":{\"room\":\"!r\"}}}");
        assertEquals("missing required argument: task_id", toolText(only()));
        assertEquals(true, result(only()).get("isError"));
    }

    @Test
    void shareFileSendsTextAsBase64AndShareGetReturnsText() {
        McpServer server = initialized("2025-06-18");
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"share_file\",\"arguments\":{\"room\":\"!r\",\"text\":\"héllo\",\"name\":\"n.txt\"}}}");
        assertEquals("share.file {\"room\":\"!r\",\"name\":\"n.txt\",\"content_base64\":\""
                + Base64.getEncoder().encodeToString("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\"}", calls.get(0));

        sent.clear();
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"share_file\",\"arguments\":{\"room\":\"!r\",\"text\":\"a\",\"content_base64\":\"YQ==\"}}}");
        assertEquals("share_file needs exactly one of text, path or content_base64", toolText(only()));

        sent.clear();
        daemon = (m, p, l) -> Map.of("context_id", "ctx_1", "name", "n.txt", "content_base64",
                Base64.getEncoder().encodeToString("the text".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"share_get\",\"arguments\":{\"context_id\":\"ctx_1\"}}}");
        assertEquals("the text", toolText(only()));
        assertEquals("the text", Json.object(result(only()).get("structuredContent")).get("text"));

        sent.clear();
        daemon = (m, p, l) -> Map.of("context_id", "ctx_2", "name", "b.bin", "content_base64",
                Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 0, 1}));
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"share_get\",\"arguments\":{\"context_id\":\"ctx_2\"}}}");
        assertTrue(toolText(only()).startsWith("binary document of 3 bytes"), toolText(only()));
    }

    @Test
    void aCallStillRunningAnswersPingsAndIsCancelledWithoutAnAnswer() {
        List<Runnable> queued = new ArrayList<>();
        McpServer server = server(queued::add);
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-06-18\"}}");
        sent.clear();
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"daemon_status\"}}");
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"daemon_status\"}}");
        assertEquals(McpServer.INVALID_REQUEST, Json.object(only().get("error")).get("code"), "duplicate id");
        sent.clear();
        server.handleLine("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\"}");
        assertEquals(8L, only().get("id"));
        sent.clear();
        server.handleLine("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":"
                + "{\"requestId\":7,\"reason\":\"user\"}}");
        assertEquals(1, queued.size());
        queued.get(0).run();
        assertEquals(List.of(), sent, "a cancelled request is not answered");
        assertEquals(1, calls.size(), "the tool itself ran");
    }
}
