package org.mxagent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.ipc.wire.JsonReader;

/** {@code task *} and {@code approval *} against a scripted daemon: parameters, output, usage errors, exit codes. */
class TaskApprovalCommandsTest {
    static final String ROOM = "!ws1:localhost";
    static final String TASK = "task_01HZY3M6W8K9Q2R4T5V7X9Z1AB";
    static final String DEP = "task_01HZY3M6W8K9Q2R4T5V7X9Z1AC";
    static final String AGENT = "agt_01HZY3M6W8K9Q2R4T5V7X9Z1AB";

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void runner() {
        cli = new CliRunner(dir);
    }

    @AfterEach
    void close() throws IOException {
        cli.close();
    }

    static Map<String, Object> task(String state, Map<String, Object> result) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("task_id", TASK);
        task.put("title", "build it");
        task.put("state", state);
        task.put("assigned_to", AGENT);
        task.put("depends_on", List.of(DEP));
        task.put("state_rev", 2L);
        task.put("updated_at", "2026-01-01T00:00:05Z");
        task.put("result", result);
        task.put("room", ROOM);
        task.put("event_id", "$e");
        return task;
    }

    @Test
    void createSendsTheExecActionWithAnAbsoluteCwd() throws IOException {
        cli.daemon().on("task.create", (params, call) -> task("pending", null));
        assertEquals(0, cli.run("task", "create", "--room", ROOM, "--assign", AGENT, "--depends-on", DEP + ",",
                "--depends-on", TASK, "--cwd", "sub/..", "--timeout", "90s", "--env", "A=b", "build it", "--",
                "make", "-j2"), cli.stderr);
        Map<String, Object> params = cli.onlyParams();
        assertEquals(ROOM, params.get("room"));
        assertEquals("build it", params.get("title"));
        assertEquals(AGENT, params.get("assigned_to"));
        assertEquals(List.of(DEP, TASK), params.get("depends_on"));
        Map<String, Object> action = Json.object(params, "action");
        assertEquals("exec", action.get("type"));
        assertEquals(List.of("make", "-j2"), action.get("command"));
        assertEquals(Path.of("").toAbsolutePath().toString(), action.get("cwd"));
        assertEquals(90_000L, ((Number) action.get("timeout_ms")).longValue());
        assertEquals(Map.of("A", "b"), action.get("env"));
        assertTrue(cli.stdout.startsWith("created " + TASK + " in " + ROOM + "\n"), cli.stdout);
    }

    @Test
    void runOnSendsTheExecutorAndLeavesItsCwdAlone() throws IOException {
        String executor = "agt_01HZY3M6W8K9Q2R4T5V7X9Z1AD";
        cli.daemon().on("task.create", (params, call) -> task("pending", null));
        assertEquals(0, cli.run("task", "create", "--room", ROOM, "--assign", AGENT, "--run-on", executor,
                "build it", "--", "make"), cli.stderr);
        Map<String, Object> action = Json.object(cli.onlyParams(), "action");
        assertEquals(executor, action.get("run_on"));
        assertTrue(action.containsKey("cwd") && action.get("cwd") == null,
                "no --cwd: the executor's workspace, not this directory: " + action);
    }

    @Test
    void runOnUsageErrorsExit64() throws IOException {
        cli.daemon();
        assertEquals(64, cli.run("task", "create", "--room", ROOM, "--assign", AGENT, "--run-on", "bob", "t", "--",
                "true"));
        assertTrue(cli.stderr.contains("--run-on takes an agent id"), cli.stderr);
        assertEquals(64, cli.run("task", "create", "--room", ROOM, "--assign", AGENT, "--run-on", AGENT,
                "--cwd", "rel", "t", "--", "true"));
        assertTrue(cli.stderr.contains("--cwd with --run-on must be an absolute path"), cli.stderr);
        assertEquals(64, cli.run("task", "create", "--room", ROOM, "--run-on", AGENT, "t"));
        assertTrue(cli.stderr.contains("--run-on is for the task's command"), cli.stderr);
        assertEquals(List.of(), cli.daemon().methods());
    }

    @Test
    void usageErrorsExit64BeforeAnythingIsSent() throws IOException {
        cli.daemon();
        assertEquals(64, cli.run("task", "create", "--room", ROOM, "t", "--", "true"));
        assertTrue(cli.stderr.contains("needs --assign AGENT"), cli.stderr);
        assertEquals(64, cli.run("task", "create", "--room", ROOM, "--cwd", "/tmp", "t"));
        assertTrue(cli.stderr.contains("--cwd is for the task's command"), cli.stderr);
        assertEquals(64, cli.run("task", "create", "--room", "ws", "t"));
        assertEquals(64, cli.run("task", "create", "--room", ROOM, "--depends-on", "x", "t"));
        assertTrue(cli.stderr.contains("--depends-on takes task ids"), cli.stderr);
        assertEquals(64, cli.run("task", "update", TASK, "--room", ROOM));
        assertTrue(cli.stderr.contains("nothing to change"), cli.stderr);
        assertEquals(64, cli.run("task", "show", "nope"));
        assertEquals(64, cli.run("task", "graph", "--room", ROOM, "--format", "png"));
        assertEquals(64, cli.run("approval", "approve"));
        assertEquals(List.of(), cli.daemon().methods());
    }

    @Test
    void notFoundExits3() throws IOException {
        cli.daemon().on("task.show", (params, call) -> {
            throw new FakeDaemon.Failure(-32001, "no task " + params.get("task_id"), 3, Map.of());
        }).on("approval.show", (params, call) -> {
            throw new FakeDaemon.Failure(-32001, "no hold " + params.get("request_id"), 3, Map.of());
        });
        assertEquals(3, cli.run("task", "show", TASK));
        assertTrue(cli.stderr.contains("no task " + TASK), cli.stderr);
        assertEquals(3, cli.run("--json", "approval", "show", "approval:x"));
        assertEquals(3L, Json.number(Json.object(Json.object(JsonReader.parse(cli.stdout)), "error"), "exit", 0));
    }

    @Test
    void listShowsStateAndReason() throws IOException {
        cli.daemon().on("task.list", (params, call) -> Map.of("room", ROOM, "tasks",
                List.of(task("failed", Map.of("status", "failed", "reason", "policy_denied")))));
        assertEquals(0, cli.run("task", "list", "--room", ROOM));
        assertTrue(cli.stdout.contains(TASK + "  failed  " + AGENT + "  " + DEP + "  policy_denied  build it"),
                cli.stdout);
        assertEquals(0, cli.run("task", "list", "--room", ROOM, "--state", "succeeded"));
        assertEquals("no tasks\n", cli.stdout);
    }

    @Test
    void graphWritesTheFile() throws IOException {
        cli.daemon().on("task.graph", (params, call) -> Map.of("room", ROOM, "format", params.get("format"),
                "graph", "<svg>build it</svg>"));
        Path out = dir.resolve("g.svg");
        assertEquals(0, cli.run("task", "graph", "--room", ROOM, "--format", "svg", "--output", out.toString()));
        assertEquals("<svg>build it</svg>", Files.readString(out, StandardCharsets.UTF_8));
        assertEquals(0, cli.run("task", "graph", "--room", ROOM));
        assertEquals("<svg>build it</svg>\n", cli.stdout);
    }

    @Test
    void watchUntilDoneEndsWithTheOutcome() throws IOException {
        cli.daemon().on("task.list", (params, call) -> Map.of("room", ROOM, "tasks",
                List.of(task("failed", Map.of("status", "failed", "reason", "approval_expired")))));
        assertEquals(1, cli.run("task", "watch", "--room", ROOM, "--until-done", "--interval", "10ms"));
        assertEquals("2026-01-01T00:00:05Z  " + TASK + "  failed (approval_expired)  build it\n", cli.stdout);
    }

    @Test
    void approvalApproveAndList() throws IOException {
        cli.daemon().on("approval.approve", (params, call) -> Map.of("request_id", params.get("request_id"),
                "outcome", "released")).on("approval.list", (params, call) -> Map.of("holds", List.of(
                        Map.of("request_id", "approval:" + TASK, "room_id", ROOM, "consumer", "task",
                                "expires_at", "2026-01-01T00:00:00Z", "summary", "exec true", "approvals", List.of()),
                        Map.of("request_id", "req_other", "room_id", "!other:localhost"))));
        assertEquals(0, cli.run("approval", "approve", "approval:" + TASK));
        assertEquals("approval:" + TASK + ": released\n", cli.stdout);
        assertEquals(0, cli.run("approval", "list", "--room", ROOM));
        assertTrue(cli.stdout.contains("approval:" + TASK), cli.stdout);
        assertTrue(!cli.stdout.contains("req_other"), cli.stdout);
    }
}
