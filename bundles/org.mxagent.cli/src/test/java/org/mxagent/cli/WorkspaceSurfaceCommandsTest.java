package org.mxagent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.ipc.wire.JsonReader;

/** {@code workspace attach}, {@code workspace status --watch} and {@code agent tools} against a scripted daemon. */
class WorkspaceSurfaceCommandsTest {
    static final String ROOM = WorkspaceAgentCommandsTest.ROOM;
    static final String AGENT = WorkspaceAgentCommandsTest.AGENT;
    static final String BOB = "agt_01HZY3M6W8K9Q2R4T5V7X9Z1BB";

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

    static Map<String, Object> workspace(long rev) {
        Map<String, Object> workspace = new LinkedHashMap<>();
        workspace.put("project_id", "proj");
        workspace.put("path", "/work/proj");
        workspace.put("repo", Map.of("remote_url", "https://example.org/proj.git", "branch", "main", "commit",
                "0123456789abcdef0123456789abcdef01234567"));
        workspace.put("attached_by", "@alice:localhost");
        workspace.put("attached_at", 1_750_000_000_000L);
        workspace.put("state_rev", rev);
        return workspace;
    }

    static Map<String, Object> status(List<Map<String, Object>> agents, Map<String, Object> tasks) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("room_id", ROOM);
        status.put("name", "Proj");
        status.put("room_version", "12");
        status.put("encrypted", false);
        status.put("members", List.of());
        status.put("workspace", workspace(2));
        status.put("agents", agents);
        status.put("tasks", tasks);
        return status;
    }

    @Test
    void attachSendsAnAbsolutePathAndPrintsTheRepo() throws IOException {
        cli.daemon().on("workspace.attach", (params, call) -> Map.of("room_id", ROOM, "event_id", "$e",
                "workspace", workspace(3)));
        assertEquals(0, cli.run("workspace", "attach", "--room", ROOM, "--path", "a/../proj", "--project-id", "p1"));
        assertEquals(Map.of("room", ROOM, "path", Path.of("proj").toAbsolutePath().toString(), "project_id", "p1"),
                cli.onlyParams());
        assertEquals("attached to " + ROOM + ": project proj, path /work/proj, branch main, commit 0123456789ab, "
                + "remote https://example.org/proj.git (state_rev 3, attached by @alice:localhost)\n", cli.stdout);
        assertEquals(0, cli.run("workspace", "attach"));
        assertEquals(Map.of("path", Path.of("").toAbsolutePath().toString()), cli.params().get(1),
                "no room: the daemon picks the one joined workspace");
        assertEquals(64, cli.run("workspace", "attach", "--room", "proj"));
    }

    @Test
    void watchPrintsTheStatusThenEachChangeUntilStdinEnds() throws Exception {
        Map<String, Object> alice = WorkspaceAgentCommandsTest.agent(AGENT, "@alice:localhost", "active",
                System.currentTimeMillis(), true);
        Map<String, Object> bob = WorkspaceAgentCommandsTest.agent(BOB, "@bob:localhost", "active",
                System.currentTimeMillis(), false);
        Map<String, Object> bobOffline = new LinkedHashMap<>(bob);
        bobOffline.put("liveness", "offline");
        bobOffline.put("status", "offline");
        List<Map<String, Object>> views = List.of(status(List.of(alice), Map.of()),
                status(List.of(alice, bob), Map.of("running", 1)),
                status(List.of(alice, bobOffline), Map.of("running", 1)));
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        AtomicInteger looks = new AtomicInteger();
        cli.daemon().on("workspace.watch", (params, call) -> {
            int look = looks.getAndIncrement();
            if (look < views.size()) {
                return Map.of("digest", "d" + look, "changed", true, "status", views.get(look));
            }
            try {
                typing.close(); // the user ends the input while the daemon holds the look
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("digest", "d" + (views.size() - 1), "changed", false, "status", views.get(2));
        });
        assertEquals(0, cli.runWithStdin(stdin, "workspace", "status", "--room", ROOM, "--watch"), cli.stderr);

        List<Map<String, Object>> params = cli.params();
        assertEquals("", params.get(0).get("since"), "the first look asks for the status at once");
        assertEquals("d0", params.get(1).get("since"));
        assertEquals("d2", params.get(3).get("since"));
        assertEquals(25_000L, params.get(0).get("timeout_ms"));
        String out = cli.stdout;
        assertTrue(out.startsWith("room          " + ROOM), out);
        assertTrue(out.contains("watching for changes"), out);
        assertTrue(out.matches("(?s).*\\d\\d:\\d\\d:\\d\\d  agent " + BOB
                + " appeared: active \\(generic, @bob:localhost\\)\n.*"), out);
        assertTrue(out.contains("  tasks 1 (running 1)\n"), out);
        assertTrue(out.contains("  agent " + BOB + " liveness active -> offline\n"), out);
        assertTrue(out.contains("  agent " + BOB + " status online -> offline\n"), out);
    }

    @Test
    void watchWithJsonPrintsOneStatusPerChange() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        AtomicInteger looks = new AtomicInteger();
        cli.daemon().on("workspace.watch", (params, call) -> {
            if (looks.getAndIncrement() == 0) {
                return Map.of("digest", "d0", "changed", true, "status", status(List.of(), Map.of()));
            }
            try {
                typing.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("digest", "d0", "changed", false, "status", status(List.of(), Map.of()));
        });
        assertEquals(0, cli.runWithStdin(stdin, "workspace", "status", "--watch", "--json"), cli.stderr);
        assertEquals(1, cli.stdout.lines().count(), cli.stdout);
        assertEquals(ROOM, Json.string(Json.object(JsonReader.parse(cli.stdout)), "room_id"));
    }

    @Test
    void toolsListsEachAgentsToolsWithTheirInput() throws IOException {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("tool", "fmt@1.2.0");
        described.put("name", "fmt");
        described.put("version", "1.2.0");
        described.put("published", true);
        described.put("description", "format a file");
        described.put("input_summary", "path:string, check?:boolean");
        Map<String, Object> bare = new LinkedHashMap<>();
        bare.put("tool", "lint@2");
        bare.put("published", false);
        bare.put("description", null);
        bare.put("input_summary", null);
        cli.daemon().on("agent.tools", (params, call) -> Map.of("room_id", ROOM, "agents", List.of(
                Map.of("agent_id", BOB, "liveness", "active", "tools", List.of(described, bare)))));
        assertEquals(0, cli.run("agent", "tools", "--room", ROOM, "--agent", BOB));
        assertEquals(Map.of("room", ROOM, "agent_id", BOB), cli.onlyParams());
        assertTrue(cli.stdout.startsWith("AGENT"), cli.stdout);
        assertTrue(cli.stdout.contains(BOB + "  fmt@1.2.0  path:string, check?:boolean  format a file"),
                cli.stdout);
        assertTrue(cli.stdout.contains("lint@2     ?"), cli.stdout);
        assertEquals(64, cli.run("agent", "tools", "--agent", "@bob:localhost"));
    }

    @Test
    void toolsOfAnUnknownAgentIsExit3() throws IOException {
        cli.daemon().on("agent.tools", (params, call) -> {
            throw new FakeDaemon.Failure(-32001, "no agent " + BOB + " in " + ROOM, 3, Map.of());
        });
        assertEquals(3, cli.run("agent", "tools", "--agent", BOB));
        assertTrue(cli.stderr.contains("no agent " + BOB), cli.stderr);
    }
}
