package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.AgentRuntime;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;

/**
 * Issue 3, "Done when", through the CLI of two runtimes (two Matrix users): a workspace created by one and joined
 * by the other, an agent each, both {@code active} in both {@code agent list}s, and the trust round trip
 * (fingerprint, approve from {@code agent show}, list, revoke). A stopped runtime's agent going stale, then
 * offline, is {@link AgentLivenessTest}.
 */
class WorkspaceAgentsTest {
    private static final Pattern LAST_SEEN = Pattern.compile("(\\d+) s ago|just now");

    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void twoRuntimesSeeEachOthersAgentsActiveAndTrustThem() {
        SharedWorkspace ws = SharedWorkspace.create(e2e);
        AgentRuntime alice = ws.alice();
        AgentRuntime bob = ws.bob();

        for (AgentRuntime runtime : List.of(alice, bob)) {
            JsonNode listing = Eventually.await(runtime.name() + " lists both agents active",
                    () -> runtime.jsonCli("agent", "list", "--room", ws.roomId()),
                    l -> SharedWorkspace.liveness(l, ws.aliceAgent()).equals("active")
                            && SharedWorkspace.liveness(l, ws.bobAgent()).equals("active"));
            String own = runtime == alice ? ws.aliceAgent() : ws.bobAgent();
            String other = runtime == alice ? ws.bobAgent() : ws.aliceAgent();
            assertTrue(SharedWorkspace.agent(listing, own).orElseThrow().path("hosted").asBoolean(), listing::toString);
            assertFalse(SharedWorkspace.agent(listing, other).orElseThrow().path("hosted").asBoolean(),
                    listing::toString);

            // The table people read: by alias this time, one row per agent, liveness and "last seen".
            CliResult table = runtime.cli("agent", "list", "--room", ws.alias()).assertSuccess();
            assertTrue(table.stdoutLines().get(0)
                    .matches("AGENT +KIND +USER +LIVENESS +LAST SEEN +CAPABILITIES +HOSTED"), table::toString);
            for (String agentId : List.of(ws.aliceAgent(), ws.bobAgent())) {
                String row = table.stdoutLines().stream().filter(l -> l.startsWith(agentId)).findFirst()
                        .orElseThrow(() -> new AssertionError(agentId + " missing in " + table));
                assertTrue(row.contains(" active "), row);
                assertTrue(LAST_SEEN.matcher(row).find(), row);
                assertTrue(row.endsWith(agentId.equals(own) ? "yes" : "no"), row);
            }
        }
        JsonNode bobAgent = SharedWorkspace.agent(alice.jsonCli("agent", "list", "--room", ws.roomId()),
                ws.bobAgent()).orElseThrow();
        assertEquals(ws.bobUser().userId(), bobAgent.path("matrix_user_id").asText(), bobAgent::toString);
        assertEquals("pytest@8.0", bobAgent.path("tools").path(0).asText(), bobAgent::toString);
        assertEquals(2, bobAgent.path("load").path("max_invocations").asInt(), bobAgent::toString);
        assertEquals(30_000, bobAgent.path("heartbeat_interval_ms").asLong(),
                () -> "bob's agent advertises its heartbeat period, the protocol's 30 s by default: " + bobAgent);

        JsonNode testers = alice.jsonCli("agent", "list", "--room", ws.roomId(), "--capability", "shell",
                "--capability", "test");
        assertEquals(List.of(ws.bobAgent()), StreamSupport.stream(testers.path("agents").spliterator(), false)
                .map(a -> a.path("agent_id").asText()).toList(), testers::toString);

        workspaceStatusShowsMembersLevelsAndAgents(ws);
        trustRoundTrip(ws);
    }

    private static void workspaceStatusShowsMembersLevelsAndAgents(SharedWorkspace ws) {
        JsonNode status = ws.alice().jsonCli("workspace", "status", "--room", ws.alias());
        assertEquals(ws.roomId(), status.path("room_id").asText(), status::toString);
        JsonNode bobMember = StreamSupport.stream(status.path("members").spliterator(), false)
                .filter(m -> m.path("user_id").asText().equals(ws.bobUser().userId())).findFirst().orElseThrow();
        assertEquals(50, bobMember.path("power_level").asInt(), status::toString);
        assertEquals(2, status.path("agents").size(), status::toString);

        CliResult text = ws.bob().cli("workspace", "status").assertSuccess();
        assertTrue(text.stdout().startsWith("room          " + ws.roomId() + " (" + ws.alias() + ")\n"),
                text::toString);
        assertTrue(text.stdoutLines().stream().anyMatch(l -> l.matches("  " + Pattern.quote(ws.aliceUser().userId())
                + " +100 \\(creator\\).*")), text::toString);
        assertTrue(text.stdoutLines().stream().anyMatch(l -> l.matches("  " + Pattern.quote(ws.bobUser().userId())
                + " +50 .*")), text::toString);

        CliResult list = ws.bob().cli("workspace", "list").assertSuccess();
        assertTrue(list.stdoutLines().stream().anyMatch(l -> l.startsWith(ws.roomId() + "  " + ws.alias())),
                list::toString);
    }

    /** Bob reads alice's key from {@code agent show}, checks it against her {@code trust fingerprint}, trusts it. */
    private static void trustRoundTrip(SharedWorkspace ws) {
        AgentRuntime alice = ws.alice();
        AgentRuntime bob = ws.bob();
        CliResult shown = bob.cli("agent", "show", ws.aliceAgent()).assertSuccess();
        String keyId = SharedWorkspace.field(shown, "signing key");
        String fingerprint = SharedWorkspace.field(shown, "fingerprint");
        assertTrue(shown.stdout().contains("mx-agent trust approve --agent " + ws.aliceAgent() + " --key " + keyId),
                () -> "agent show tells bob how to trust it: " + shown);

        JsonNode own = alice.jsonCli("trust", "fingerprint");
        assertEquals(keyId, own.path("key_id").asText(), "the key alice reads out is the one bob sees");
        assertEquals(fingerprint, own.path("fingerprint").asText());
        CliResult ownText = alice.cli("trust", "fingerprint").assertSuccess();
        assertEquals(fingerprint, SharedWorkspace.field(ownText, "fingerprint"), ownText::toString);

        CliResult empty = bob.cli("trust", "list").assertSuccess();
        assertTrue(empty.stdout().startsWith("no trusted keys"), empty::toString);

        CliResult wrong = bob.cli("trust", "approve", "--agent", ws.aliceAgent(), "--key", fingerprint).assertExit(64);
        assertTrue(wrong.stderr().contains("that is a fingerprint: the key id is " + keyId), wrong::toString);

        CliResult approved = bob.cli("trust", "approve", "--agent", ws.aliceAgent(), "--key", keyId).assertSuccess();
        assertEquals("trusted " + keyId + " of " + ws.aliceAgent() + " (fingerprint " + fingerprint
                + ", local record)", approved.out(), approved::toString);
        JsonNode entries = bob.jsonCli("trust", "list").path("entries");
        assertEquals(1, entries.size(), entries::toString);
        assertEquals(ws.aliceAgent(), entries.path(0).path("agent_id").asText());
        assertEquals(keyId, entries.path(0).path("key_id").asText());
        assertEquals("trusted", entries.path(0).path("status").asText());
        assertTrue(entries.path(0).path("local").asBoolean(), entries::toString);
        CliResult table = bob.cli("trust", "list").assertSuccess();
        assertTrue(table.stdoutLines().get(1).matches(Pattern.quote(keyId) + " +" + ws.aliceAgent()
                + " +trusted +local +local:.*"), table::toString);

        CliResult revoked = bob.cli("trust", "revoke", "--key", keyId).assertSuccess();
        assertEquals("revoked " + keyId + " (1 entry)", revoked.out(), revoked::toString);
        assertEquals("revoked", bob.jsonCli("trust", "list").path("entries").path(0).path("status").asText());
        bob.cli("trust", "revoke", "--key", "mxagent-ed25519:" + "Z".repeat(43)).assertExit(3);
        assertTrue(alice.cli("trust", "list").assertSuccess().stdout().startsWith("no trusted keys"),
                "alice's trust store is her own");
    }
}
