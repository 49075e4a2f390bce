package org.mxagent.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mxagent.ipc.wire.JsonWriter;

class ExecToolTest {
    private final List<String> calls = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private final List<Runnable> cancelHooks = new ArrayList<>();

    private final CallContext context = new CallContext() {
        @Override
        public void progress(String message) {
            progress.add(message);
        }

        @Override
        public void onCancel(Runnable hook) {
            cancelHooks.add(hook);
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    private static Map<String, Object> data(String stream, String text) {
        return Map.of("stream", stream, "data_base64",
                Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void streamsOutputAsProgressFollowsAttachAndReportsTheExitCode() throws Exception {
        Daemon daemon = (method, params, listener) -> {
            calls.add(method + " " + JsonWriter.write(params));
            if (method.equals("exec.start")) {
                listener.frame(Map.of("event", "started", "invocation_id", "inv_1", "mode", "remote"));
                listener.frame(data("stdout", "hello "));
                return Map.of("done", false, "invocation_id", "inv_1", "cursor", 3);
            }
            if (method.equals("invocation.attach")) {
                listener.frame(data("stdout", "world\n"));
                listener.frame(data("stderr", "warn\n"));
                return Map.of("done", true, "invocation_id", "inv_1", "outcome", "exited", "exit_code", 2,
                        "remote_exit_code", 2, "truncated", false);
            }
            return Map.of("cancelled", true);
        };
        ToolResult result = new ExecTool(daemon, Path.of("/home/me")).call(Map.of("room", "!r", "agent", "agt_x",
                "argv", List.of("make", "test"), "timeout_ms", 5000), context);
        assertEquals(List.of("exec.start {\"room\":\"!r\",\"agent\":\"agt_x\",\"argv\":[\"make\",\"test\"],"
                + "\"cwd\":\"/home/me\",\"timeout_ms\":5000}",
                "invocation.attach {\"invocation_id\":\"inv_1\",\"cursor\":3}"), calls);
        assertEquals(List.of("started", "stdout: hello ", "stdout: world\n", "stderr: warn\n"), progress);
        assertEquals("hello world\n--- stderr ---\nwarn\n--- exit code 2 (exited) ---", result.text());
        assertTrue(result.isError());
        assertEquals("hello world\n", result.structured().get("stdout"));

        assertEquals(1, cancelHooks.size(), "a cancel hook for the invocation");
        cancelHooks.get(0).run();
        assertEquals("exec.cancel {\"invocation_id\":\"inv_1\",\"reason\":\"caller_cancelled\"}", calls.get(2));
    }

    @Test
    void successAndRejection() throws Exception {
        Daemon ok = (m, p, l) -> Map.of("done", true, "outcome", "exited", "exit_code", 0, "remote_exit_code", 0);
        ToolResult fine = new ExecTool(ok, Path.of("/")).call(Map.of("argv", List.of("true")), context);
        assertFalse(fine.isError());
        assertEquals("--- exit code 0 (exited) ---", fine.text());

        Daemon refused = (m, p, l) -> Map.of("done", true, "outcome", "rejected", "exit_code", 77,
                "rejected_reason", "policy_denied", "message", "the target rejected the request: policy_denied");
        ToolResult rejected = new ExecTool(refused, Path.of("/")).call(Map.of("argv", List.of("rm")), context);
        assertTrue(rejected.isError());
        assertEquals("--- rejected: policy_denied (rejected): the target rejected the request: policy_denied ---",
                rejected.text());
    }

    @Test
    void argumentsAreChecked() {
        ExecTool tool = new ExecTool((m, p, l) -> Map.of(), Path.of("/"));
        assertEquals("give room and agent together (a remote exec), or neither (run on this machine)",
                org.junit.jupiter.api.Assertions.assertThrows(ToolException.class,
                        () -> tool.call(Map.of("room", "!r", "argv", List.of("ls")), context)).getMessage());
        assertEquals("argv must name a program: a non-empty array of strings",
                org.junit.jupiter.api.Assertions.assertThrows(ToolException.class,
                        () -> tool.call(Map.of("argv", List.of()), context)).getMessage());
        assertEquals("timeout_ms must be a positive integer",
                org.junit.jupiter.api.Assertions.assertThrows(ToolException.class,
                        () -> tool.call(Map.of("argv", List.of("ls"), "timeout_ms", 0), context)).getMessage());
    }

    @Test
    void keepsOnlyTheTailOfLongOutput() {
        ExecTool.Output output = new ExecTool.Output(context);
        String big = "x".repeat(ExecTool.KEEP_BYTES);
        output.frame(data("stdout", "head"));
        output.frame(data("stdout", big));
        assertEquals(big, output.text("stdout"));
        assertEquals(4, output.dropped());
    }
}
