package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
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
 * by the other, an agent each, both {@code active} in both {@code agent list}s, the trust round trip (fingerprint,
 * approve from {@code agent show}, list, revoke), and a stopped runtime whose agent goes {@code stale}, then
 * {@code offline} for the other, and {@code active} again once it restarts.
 */
class WorkspaceAgentsTest {
    /** Both agents heartbeat every second, so silence shows in seconds (specs/discovery.md: 3 and 10 periods). */
    private static final String HEARTBEAT = "1s";
    private static final long HEARTBEAT_MILLIS = 1_000;
    private static final long STALE_MILLIS = 3 * HEARTBEAT_MILLIS;
    private static final long OFFLINE_MILLIS = 10 * HEARTBEAT_MILLIS;
    private static final Pattern LAST_SEEN = Pattern.compile("(\\d+) s ago|just now");

    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void twoRuntimesSeeEachOthersAgentsActiveTrustThemAndAStoppedOneGoesStaleThenOffline() {
        SharedWorkspace ws = SharedWorkspace.create(e2e, HEARTBEAT);
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
        assertEquals(HEARTBEAT_MILLIS, bobAgent.path("heartbeat_interval_ms").asLong(),
                () -> "bob's agent advertises its heartbeat period: " + bobAgent);

        JsonNode testers = alice.jsonCli("agent", "list", "--room", ws.roomId(), "--capability", "shell",
                "--capability", "test");
        assertEquals(List.of(ws.bobAgent()), StreamSupport.stream(testers.path("agents").spliterator(), false)
                .map(a -> a.path("agent_id").asText()).toList(), testers::toString);

        workspaceStatusShowsMembersLevelsAndAgents(ws);
        trustRoundTrip(ws);
        aStoppedRuntimesAgentGoesStaleThenOfflineAndComesBack(ws);
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

    /**
     * Heartbeats every second for both agents; alice hears bob's; then bob's daemon stops (it publishes nothing) and
     * alice's view of bob's agent goes {@code stale} after 3 missed heartbeats and {@code offline} after 10, while
     * her own agent stays {@code active}. Bob's daemon starts again (session and registration restored) and
     * alice sees his agent {@code active} again.
     */
    private static void aStoppedRuntimesAgentGoesStaleThenOfflineAndComesBack(SharedWorkspace ws) {
        AgentRuntime alice = ws.alice();
        AgentRuntime bob = ws.bob();
        long heard = SharedWorkspace.lastActive(alice.jsonCli("agent", "list", "--room", ws.roomId()), ws.bobAgent());
        Eventually.within(Duration.ofSeconds(20)).until("a newer heartbeat of bob's agent reaching alice",
                () -> alice.jsonCli("agent", "list", "--room", ws.roomId()),
                l -> SharedWorkspace.lastActive(l, ws.bobAgent()) > heard);

        bob.cli("daemon", "stop").assertSuccess();
        long stoppedAt = System.currentTimeMillis();
        bob.cli("daemon", "status").assertExit(3);

        JsonNode stale = Eventually.within(Duration.ofSeconds(30)).until("alice sees bob's agent stale",
                () -> alice.jsonCli("agent", "list", "--room", ws.roomId()),
                l -> SharedWorkspace.liveness(l, ws.bobAgent()).equals("stale"));
        long staleSeen = System.currentTimeMillis();
        long bobLast = SharedWorkspace.lastActive(stale, ws.bobAgent());
        assertTrue(bobLast > heard && bobLast <= stoppedAt, () -> "bob's agent was last heard before its daemon "
                + "stopped (" + stoppedAt + "): " + stale);
        assertTrue(staleSeen - bobLast >= STALE_MILLIS, () -> "not stale before 3 missed heartbeats: " + stale);
        assertEquals("active", SharedWorkspace.liveness(stale, ws.aliceAgent()), () -> "alice's own agent goes on: "
                + stale);

        JsonNode offline = Eventually.within(Duration.ofSeconds(30)).until("alice sees bob's agent offline",
                () -> alice.jsonCli("agent", "list", "--room", ws.roomId()),
                l -> SharedWorkspace.liveness(l, ws.bobAgent()).equals("offline"));
        long offlineSeen = System.currentTimeMillis();
        assertEquals(bobLast, SharedWorkspace.lastActive(offline, ws.bobAgent()), () -> "no news of bob: " + offline);
        assertTrue(offlineSeen - bobLast >= OFFLINE_MILLIS, () -> "not offline before 10 missed heartbeats: "
                + offline);
        assertEquals("online", SharedWorkspace.agent(offline, ws.bobAgent()).orElseThrow().path("status").asText(),
                () -> "offline from silence, not from an announcement: " + offline);
        assertEquals("active", SharedWorkspace.liveness(offline, ws.aliceAgent()), offline::toString);

        CliResult table = alice.cli("agent", "list", "--room", ws.roomId()).assertSuccess();
        String row = table.stdoutLines().stream().filter(l -> l.startsWith(ws.bobAgent())).findFirst().orElseThrow();
        assertTrue(row.contains(" offline "), row);
        Matcher seen = Pattern.compile("(\\d+) s ago").matcher(row);
        assertTrue(seen.find() && Long.parseLong(seen.group(1)) >= OFFLINE_MILLIS / 1_000, () -> "bob's row says "
                + "how long it has been silent: " + table);

        bob.start();
        bob.awaitReady();
        JsonNode back = Eventually.within(Duration.ofSeconds(30)).until("alice sees bob's agent active again after "
                + "his daemon restarted",
                () -> alice.jsonCli("agent", "list", "--room", ws.roomId()),
                l -> SharedWorkspace.liveness(l, ws.bobAgent()).equals("active")
                        && SharedWorkspace.lastActive(l, ws.bobAgent()) > stoppedAt);
        assertEquals(HEARTBEAT_MILLIS, SharedWorkspace.agent(back, ws.bobAgent()).orElseThrow()
                .path("heartbeat_interval_ms").asLong(), () -> "the restored registration keeps its period: " + back);
    }
}
