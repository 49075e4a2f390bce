package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.mxagent.e2e.harness.AgentRuntime;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.MatrixUser;

/**
 * Two runtimes (alice, bob: two Matrix users) in one workspace, each hosting one agent, set up only through the
 * CLI: alice creates a public workspace with an alias, bob joins it by alias, alice grants bob level 50 (needed to
 * publish agent.v1 state), and each registers an agent.
 */
record SharedWorkspace(MatrixUser aliceUser, MatrixUser bobUser, AgentRuntime alice, AgentRuntime bob,
        String roomId, String alias, String aliceAgent, String bobAgent) {

    static SharedWorkspace create(E2e e2e) {
        return create(e2e, false, List.of());
    }

    /** As {@link #create(E2e)}; with {@code e2ee} the workspace is created with {@code --e2ee on}. */
    static SharedWorkspace create(E2e e2e, boolean e2ee) {
        return create(e2e, e2ee, List.of());
    }

    /**
     * As {@link #create(E2e)}, both agents registered with {@code --heartbeat-interval heartbeatInterval}: the
     * period they send heartbeats at and advertise, which scales when others see them stale and offline.
     */
    static SharedWorkspace create(E2e e2e, String heartbeatInterval) {
        return create(e2e, false, List.of("--heartbeat-interval", heartbeatInterval));
    }

    private static SharedWorkspace create(E2e e2e, boolean e2ee, List<String> registerOptions) {
        MatrixUser aliceUser = e2e.user("alice");
        MatrixUser bobUser = e2e.user("bob");
        List<AgentRuntime> runtimes = e2e.started("alice", "bob");
        AgentRuntime alice = runtimes.get(0);
        AgentRuntime bob = runtimes.get(1);
        alice.login(aliceUser);
        bob.login(bobUser);

        String localPart = e2e.homeserver().uniqueName("ws");
        String server = aliceUser.userId().substring(aliceUser.userId().indexOf(':') + 1);
        String alias = "#" + localPart + ":" + server;
        JsonNode created = alice.jsonCli("workspace", "create", "--alias", localPart, "--name", "e2e " + localPart,
                "--visibility", "public", "--project-id", localPart, "--e2ee", e2ee ? "on" : "off");
        String roomId = created.path("room_id").asText();
        assertTrue(roomId.startsWith("!"), created::toString);
        assertEquals(alias, created.path("alias").asText(), created::toString);
        assertEquals(localPart, created.path("workspace").path("project_id").asText(), created::toString);

        JsonNode joined = bob.jsonCli("workspace", "join", alias);
        assertEquals(roomId, joined.path("room_id").asText(), joined::toString);
        assertTrue(joined.path("workspace").isObject(), () -> "bob sees the workspace state: " + joined);

        JsonNode granted = alice.jsonCli("workspace", "grant", "--room", roomId, "--user", bobUser.userId());
        assertEquals(50, granted.path("level").asInt(), granted::toString);

        JsonNode aliceRegistered = alice.jsonCli(concat(List.of("agent", "register", "--room", roomId,
                "--capability", "shell", "--capability", "review", "--kind", "claude"), registerOptions));
        JsonNode bobRegistered = bob.jsonCli(concat(List.of("agent", "register", "--room", alias, "--capability",
                "shell", "--capability", "test", "--tool", "pytest@8.0", "--max-invocations", "2"), registerOptions));
        for (JsonNode registered : List.of(aliceRegistered, bobRegistered)) {
            assertEquals(roomId, registered.path("room_id").asText(), registered::toString);
            assertTrue(registered.path("agent_id").asText().startsWith("agt_"), registered::toString);
            assertTrue(registered.path("signing_key_id").asText().startsWith("mxagent-ed25519:"),
                    registered::toString);
        }
        return new SharedWorkspace(aliceUser, bobUser, alice, bob, roomId, alias,
                aliceRegistered.path("agent_id").asText(), bobRegistered.path("agent_id").asText());
    }

    private static String[] concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toArray(String[]::new);
    }

    /** The agent with this id in an {@code agent list --json} result. */
    static Optional<JsonNode> agent(JsonNode listing, String agentId) {
        return StreamSupport.stream(listing.path("agents").spliterator(), false)
                .filter(agent -> agentId.equals(agent.path("agent_id").asText())).findFirst();
    }

    static String liveness(JsonNode listing, String agentId) {
        return agent(listing, agentId).map(agent -> agent.path("liveness").asText()).orElse("(not listed)");
    }

    static long lastActive(JsonNode listing, String agentId) {
        return agent(listing, agentId).map(agent -> agent.path("last_active_ts").asLong()).orElse(-1L);
    }

    /** The value of a "label   value" line of a human CLI output, e.g. "signing key" of {@code agent show}. */
    static String field(CliResult result, String label) {
        for (String line : result.stdoutLines()) {
            if (line.startsWith(label + " ")) {
                return line.substring(label.length()).strip();
            }
        }
        throw new AssertionError("no '" + label + "' line in " + result);
    }
}
