package org.mxagent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.ipc.wire.JsonException;
import org.mxagent.ipc.wire.JsonReader;
import org.mxagent.ipc.wire.JsonWriter;

/** {@code workspace *} and {@code agent *}: what goes to the daemon, what is printed, and usage errors. */
class WorkspaceAgentCommandsTest {
    static final String ROOM = "!ws1:localhost";
    static final String AGENT = "agt_01HZY3M6W8K9Q2R4T5V7X9Z1AB";
    static final String KEY = "mxagent-ed25519:" + "A".repeat(42) + "0";
    static final long NOW = 1_750_000_000_000L;

    @TempDir
    java.nio.file.Path dir;

    private CliRunner cli;

    @BeforeEach
    void runner() {
        cli = new CliRunner(dir);
    }

    @AfterEach
    void close() throws IOException {
        cli.close();
    }

    static Map<String, Object> agent(String id, String user, String liveness, long lastActive, boolean hosted) {
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("agent_id", id);
        agent.put("kind", "generic");
        agent.put("matrix_user_id", user);
        agent.put("device_id", "DEV1");
        agent.put("signing_key_id", KEY);
        agent.put("signing_public_key", "pk");
        agent.put("status", "online");
        agent.put("capabilities", List.of("shell", "test"));
        agent.put("tools", List.of("fmt@1.2.0"));
        agent.put("workspace", Map.of("cwd", "/work/p", "project_id", "proj"));
        agent.put("load", Map.of("running_invocations", 0, "max_invocations", 2));
        agent.put("last_seen_ts", lastActive);
        agent.put("state_rev", 3);
        agent.put("room_id", ROOM);
        agent.put("liveness", liveness);
        agent.put("last_active_ts", lastActive);
        agent.put("last_active", "2025-06-15T15:06:28Z");
        agent.put("fingerprint", "SHA256:" + "A".repeat(42) + "0");
        agent.put("hosted", hosted);
        return agent;
    }

    @Test
    void createSendsOnlyTheGivenOptions() throws IOException {
        cli.daemon().on("workspace.create", (params, call) -> Map.of("room_id", ROOM, "alias", "#proj:localhost",
                "name", "Proj", "directory_visibility", "private", "visibility", "private", "e2ee", true,
                "workspace", Map.of("project_id", "proj")));
        assertEquals(0, cli.run("workspace", "create", "--alias", "proj", "--name", "Proj", "--e2ee", "on"));
        assertEquals(Map.of("alias", "proj", "name", "Proj", "e2ee", "on"), cli.onlyParams());
        assertEquals("""
                created workspace !ws1:localhost
                alias         #proj:localhost
                name          Proj
                visibility    private (directory: private)
                e2ee          on
                project       proj
                """, cli.stdout);
    }

    @Test
    void createWithJsonPrintsTheResultAndWarnsOnStderr() throws IOException, JsonException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("room_id", ROOM);
        result.put("visibility", "public");
        result.put("directory_visibility", "private");
        result.put("warning", "the homeserver did not list the room");
        cli.daemon().on("workspace.create", (params, call) -> result);
        assertEquals(0, cli.run("--json", "workspace", "create", "--visibility", "public"));
        assertEquals(result, JsonReader.parse(cli.stdout));
        assertEquals(1, cli.stdout.lines().count());
        assertEquals("mx-agent: warning: the homeserver did not list the room\n", cli.stderr);
    }

    @Test
    void createRefusesBadChoicesBeforeAskingTheDaemon() throws IOException {
        cli.daemon();
        assertEquals(64, cli.run("workspace", "create", "--visibility", "secret"));
        assertTrue(cli.stderr.startsWith("mx-agent: --visibility must be private or public, got 'secret'\n"),
                cli.stderr);
        assertTrue(cli.stderr.contains("Run 'mx-agent workspace create --help' for usage."), cli.stderr);
        assertEquals(64, cli.run("workspace", "create", "--e2ee", "yes"));
        assertEquals(64, cli.run("workspace", "create", "extra"));
        assertEquals(64, cli.run("workspace", "create", "--name", " "));
        assertTrue(cli.nothingSent());
    }

    @Test
    void joinTakesOneRoomOperand() throws IOException {
        cli.daemon().on("workspace.join", (params, call) -> {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("room_id", ROOM);
            summary.put("alias", params.get("room"));
            summary.put("workspace", Map.of("project_id", "p"));
            return summary;
        });
        assertEquals(0, cli.run("workspace", "join", "#proj:localhost"));
        assertEquals("joined !ws1:localhost (#proj:localhost)\n", cli.stdout);
        assertEquals("", cli.stderr);
        assertEquals(Map.of("room", "#proj:localhost"), cli.onlyParams());

        assertEquals(64, cli.run("workspace", "join"));
        assertTrue(cli.stderr.startsWith("mx-agent: mx-agent workspace join needs ROOM"), cli.stderr);
        assertEquals(64, cli.run("workspace", "join", "proj"));
        assertTrue(cli.stderr.startsWith("mx-agent: not a room id or alias: 'proj'"), cli.stderr);
        assertEquals(64, cli.run("workspace", "join", ROOM, "#other:localhost"));
        assertTrue(cli.stderr.startsWith("mx-agent: unexpected argument '#other:localhost'"), cli.stderr);
        assertEquals(64, cli.run("workspace", "join", ROOM, "--", "x"));
        assertEquals(1, cli.params().size(), "only the valid join reached the daemon");
    }

    @Test
    void joiningARoomWithoutWorkspaceStateWarns() throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("room_id", ROOM);
        summary.put("workspace", null);
        cli.daemon().on("workspace.join", (params, call) -> summary);
        assertEquals(0, cli.run("workspace", "join", ROOM));
        assertTrue(cli.stderr.contains("has no workspace state"), cli.stderr);
    }

    @Test
    void grantChecksUserAndLevel() throws IOException {
        cli.daemon().on("workspace.grant", (params, call) -> Map.of("room_id", ROOM, "user", params.get("user"),
                "level", params.getOrDefault("level", 50L)));
        assertEquals(0, cli.run("workspace", "grant", "--room", ROOM, "--user", "@bob:localhost", "--level", "50"));
        assertEquals(Map.of("room", ROOM, "user", "@bob:localhost", "level", 50L), cli.onlyParams());
        assertEquals("@bob:localhost now has power level 50 in !ws1:localhost\n", cli.stdout);

        assertEquals(64, cli.run("workspace", "grant", "--room", ROOM, "--user", "bob"));
        assertTrue(cli.stderr.contains("--user must be a full Matrix user id"), cli.stderr);
        assertEquals(64, cli.run("workspace", "grant", "--room", ROOM, "--user", "@bob:x", "--level", "101"));
        assertTrue(cli.stderr.contains("--level must be between 0 and 100, got 101"), cli.stderr);
        assertEquals(64, cli.run("workspace", "grant", "--room", ROOM, "--user", "@bob:x", "--level", "high"));
        assertEquals(64, cli.run("workspace", "grant", "--user", "@bob:x"));
        assertTrue(cli.stderr.contains("mx-agent workspace grant needs --room ROOM"), cli.stderr);
        assertEquals(1, cli.params().size());
    }

    @Test
    void statusWithoutRoomLetsTheDaemonPick() throws IOException {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("room_id", ROOM);
        status.put("name", "Proj");
        status.put("alias", "#proj:localhost");
        status.put("room_version", "11");
        status.put("encrypted", false);
        status.put("members", List.of(Map.of("user_id", "@alice:localhost", "display_name", "alice", "power_level",
                100, "creator", true), Map.of("user_id", "@bob:localhost", "display_name", "bob", "power_level", 50,
                "creator", false)));
        status.put("workspace", Map.of("project_id", "proj", "path", "", "attached_by", "@alice:localhost",
                "attached_at", NOW));
        status.put("agents", List.of(agent(AGENT, "@alice:localhost", "active", NOW - 12_000, true)));
        cli.daemon().on("workspace.status", (params, call) -> status);
        assertEquals(0, cli.run("workspace", "status"));
        assertEquals(Map.of(), cli.onlyParams());
        String text = WorkspaceCommands.renderStatus(status, NOW);
        assertEquals("""
                room          !ws1:localhost (#proj:localhost)
                name          Proj
                version       11, not encrypted
                workspace     project proj, attached by @alice:localhost 2025-06-15T15:06:40Z

                members
                  USER              LEVEL          NAME
                  @alice:localhost  100 (creator)  alice
                  @bob:localhost    50             bob

                agents
                  AGENT                           KIND     USER              LIVENESS  LAST SEEN  CAPABILITIES  HOSTED
                  agt_01HZY3M6W8K9Q2R4T5V7X9Z1AB  generic  @alice:localhost  active    12 s ago   shell,test    yes
                """, text);
    }

    @Test
    void listShowsATableOrSaysThereAreNone() throws IOException {
        cli.daemon().on("workspace.list", (params, call) -> Map.of("workspaces", List.of()));
        assertEquals(0, cli.run("workspace", "list"));
        assertTrue(cli.stdout.startsWith("no workspaces joined"), cli.stdout);
    }

    @Test
    void registerSendsRepeatableOptionsAsLists() throws IOException {
        cli.daemon().on("agent.register", (params, call) -> Map.of("agent_id", AGENT, "room_id", ROOM, "pid",
                "org.mxagent.discovery.agent~" + AGENT, "signing_key_id", KEY, "fingerprint", "SHA256:x"));
        assertEquals(0, cli.run("agent", "register", "--room", "#proj:localhost", "--capability", "shell",
                "--capability", "test", "--tool", "fmt@1.2.0", "--tool", "lint@2", "--kind", "claude",
                "--max-invocations", "3", "--cwd", "/work/p", "--project-id", "proj", "--heartbeat-interval", "2s"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("room", "#proj:localhost");
        expected.put("kind", "claude");
        expected.put("capabilities", List.of("shell", "test"));
        expected.put("tools", List.of("fmt@1.2.0", "lint@2"));
        expected.put("cwd", "/work/p");
        expected.put("project_id", "proj");
        expected.put("max_invocations", 3L);
        expected.put("heartbeat_interval_ms", 2_000L);
        assertEquals(expected, cli.onlyParams());
        assertEquals("""
                registered agt_01HZY3M6W8K9Q2R4T5V7X9Z1AB in !ws1:localhost
                signing key   mxagent-ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0
                fingerprint   SHA256:x
                """, cli.stdout);

        assertEquals(64, cli.run("agent", "register", "--room", ROOM, "--tool", "fmt"));
        assertTrue(cli.stderr.contains("--tool takes NAME@VERSION, got 'fmt'"), cli.stderr);
        assertEquals(64, cli.run("agent", "register", "--room", ROOM, "--max-invocations", "0"));
        assertEquals(64, cli.run("agent", "register"));
        assertTrue(cli.stderr.contains("needs --room ROOM"), cli.stderr);
        assertEquals(64, cli.run("agent", "register", "--room", ROOM, "--heartbeat-interval", "500ms"));
        assertTrue(cli.stderr.contains("--heartbeat-interval must be between 1s and 1h, got '500ms'"), cli.stderr);
        assertEquals(64, cli.run("agent", "register", "--room", ROOM, "--heartbeat-interval", "2h"));
        assertEquals(64, cli.run("agent", "register", "--room", ROOM, "--heartbeat-interval", "soon"));
        assertTrue(cli.stderr.contains("--heartbeat-interval takes a positive duration"), cli.stderr);
        assertEquals(1, cli.params().size());
    }

    @Test
    void listRendersLivenessAndLastSeen() {
        String table = AgentCommands.renderList(List.of(
                agent(AGENT, "@alice:localhost", "active", NOW - 12_000, true),
                agent("agt_01HZY3M6W8K9Q2R4T5V7X9Z1CD", "@bob:localhost", "stale", NOW - 150_000, false),
                agent("agt_01HZY3M6W8K9Q2R4T5V7X9Z1EF", "@carol:localhost", "offline", NOW - 7_200_000, false)),
                NOW);
        assertEquals("""
                AGENT                           KIND     USER              LIVENESS  LAST SEEN  CAPABILITIES  HOSTED
                agt_01HZY3M6W8K9Q2R4T5V7X9Z1AB  generic  @alice:localhost  active    12 s ago   shell,test    yes
                agt_01HZY3M6W8K9Q2R4T5V7X9Z1CD  generic  @bob:localhost    stale     2 min ago  shell,test    no
                agt_01HZY3M6W8K9Q2R4T5V7X9Z1EF  generic  @carol:localhost  offline   2 h ago    shell,test    no
                """, table);
    }

    @Test
    void listPassesCapabilitiesAndJson() throws IOException, JsonException {
        Map<String, Object> result = Map.of("room", ROOM, "agents", List.of(agent(AGENT, "@a:l", "active", NOW, true)));
        cli.daemon().on("agent.list", (params, call) -> result);
        assertEquals(0, cli.run("agent", "list", "--room", ROOM, "--capability", "shell", "--capability", "test",
                "--json"));
        assertEquals(Map.of("room", ROOM, "capabilities", List.of("shell", "test")), cli.onlyParams());
        assertEquals(JsonReader.parse(JsonWriter.write(result)), JsonReader.parse(cli.stdout));
    }

    @Test
    void listOfNoAgentsSaysSo() throws IOException {
        cli.daemon().on("agent.list", (params, call) -> Map.of("room", ROOM, "agents", List.of()));
        assertEquals(0, cli.run("agent", "list", "--room", ROOM, "--capability", "gpu"));
        assertEquals("no agents in !ws1:localhost with gpu\n", cli.stdout);
    }

    @Test
    void showPrintsTheKeyToApprove() throws IOException {
        Map<String, Object> peer = agent(AGENT, "@bob:localhost", "active", NOW - 5_000, false);
        cli.daemon().on("agent.show", (params, call) -> peer);
        assertEquals(0, cli.run("agent", "show", AGENT));
        assertEquals(Map.of("agent_id", AGENT), cli.onlyParams());
        String text = AgentCommands.renderAgent(peer, NOW);
        assertEquals("""
                agent         agt_01HZY3M6W8K9Q2R4T5V7X9Z1AB
                kind          generic
                room          !ws1:localhost
                user          @bob:localhost (device DEV1)
                liveness      active, last seen 5 s ago (2025-06-15T15:06:28Z)
                status        online
                signing key   mxagent-ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0
                fingerprint   SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0
                capabilities  shell, test
                tools         fmt@1.2.0
                workspace     cwd /work/p, project proj
                load          0 of 2 invocations running
                hosted        no

                To trust its requests, compare the fingerprint with its operator, then run:
                  mx-agent trust approve --agent agt_01HZY3M6W8K9Q2R4T5V7X9Z1AB --key \
                mxagent-ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0
                """, text);
        assertFalse(AgentCommands.renderAgent(agent(AGENT, "@a:l", "active", NOW, true), NOW).contains("trust approve"),
                "no hint for our own agent");
    }

    @Test
    void showOfAnUnknownAgentExits3WithTheDaemonsMessage() throws IOException, JsonException {
        cli.daemon().on("agent.show", (params, call) -> {
            throw new FakeDaemon.Failure(-32001, "no agent " + params.get("agent_id"), 3, Map.of());
        });
        assertEquals(3, cli.run("agent", "show", AGENT));
        assertEquals("mx-agent: no agent " + AGENT + "\n", cli.stderr);
        assertEquals(3, cli.run("--json", "agent", "show", AGENT));
        Map<String, Object> error = Json.object(Json.object(JsonReader.parse(cli.stdout)), "error");
        assertEquals(3L, error.get("exit"));
        assertEquals(64, cli.run("agent", "show"));
        assertTrue(cli.stderr.contains("needs AGENT_ID"), cli.stderr);
    }

    @Test
    void unregisterTakesTheAgentId() throws IOException {
        cli.daemon().on("agent.unregister", (params, call) -> Map.of("agent_id", params.get("agent_id"),
                "unregistered", true));
        assertEquals(0, cli.run("agent", "unregister", AGENT));
        assertEquals("unregistered " + AGENT + " (it now shows as offline)\n", cli.stdout);
    }

    @Test
    void groupHelpListsTheNewCommands() {
        assertEquals(0, cli.run("agent", "--help"));
        assertTrue(cli.stdout.contains("agent register --room ROOM [OPTIONS]"), cli.stdout);
        assertTrue(cli.stdout.contains("agent show AGENT_ID"), cli.stdout);
        assertEquals(0, cli.run("--help"));
        for (String group : List.of("workspace create", "agent list", "share get", "trust fingerprint")) {
            assertTrue(cli.stdout.contains(group), group + " in " + cli.stdout);
        }
        assertEquals(0, cli.run("share", "get", "--help"));
        assertTrue(cli.stdout.contains("Exit 132 when the share was refused"), cli.stdout);
    }
}
