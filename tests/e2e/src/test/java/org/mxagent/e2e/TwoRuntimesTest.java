package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.AgentRuntime;
import org.mxagent.e2e.harness.BundleRow;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.mxagent.e2e.harness.MatrixUser;
import org.mxagent.e2e.harness.Session;

/** dev/quickstart as a test: two runtimes, two users; they log in, sync, meet in a room and talk. */
class TwoRuntimesTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void twoRuntimesLogInSyncMeetInARoomAndTalk() {
        MatrixUser alice = e2e.user("alice");
        MatrixUser bob = e2e.user("bob");
        List<AgentRuntime> runtimes = e2e.started("alice", "bob");
        AgentRuntime aliceRuntime = runtimes.get(0);
        AgentRuntime bobRuntime = runtimes.get(1);

        Session aliceSession = aliceRuntime.login(alice);
        Session bobSession = bobRuntime.login(bob);
        assertEquals(alice.homeserver().toString(), aliceSession.homeserver());
        assertTrue(!aliceSession.deviceId().equals(bobSession.deviceId()), "two runtimes, two devices");

        for (AgentRuntime runtime : runtimes) {
            MatrixUser user = runtime == aliceRuntime ? alice : bob;
            JsonNode status = Eventually.await(runtime.name() + "'s daemon status showing a running sync with a "
                    + "completed sync", runtime::status, s -> s.path("sync").path("running").asBoolean()
                            && s.path("sync").path("completed_syncs").asLong() >= 1);
            assertEquals(user.userId(), status.path("session").path("user_id").asText(), status::toString);
            assertEquals(runtime.dataDir().toString(), status.path("data_dir").asText(), "own data dir");
            assertEquals(runtime.socket().toString(), status.path("socket").asText(), "own socket");

            CliResult lb = runtime.shell("lb").assertSuccess();
            List<BundleRow> bundles = BundleRow.parseTable(lb.stdout());
            List<BundleRow> notActive = bundles.stream().filter(b -> !b.isActive()).toList();
            assertTrue(notActive.isEmpty(), () -> "bundles not Active in " + runtime.name() + ": " + notActive
                    + "\n" + lb);
            assertEquals(status.path("bundles").path("total").asInt(), bundles.size(),
                    () -> "lb lists every bundle daemon status counts: " + lb);
            assertEquals(bundles.size(), status.path("bundles").path("active").asInt(), status::toString);

            CliResult sync = runtime.shell("mx:sync").assertSuccess();
            assertTrue(sync.stdoutLines().contains("state:        running"), sync::toString);
            assertTrue(sync.stdoutLines().contains("account:      " + user.userId() + " on " + user.homeserver()),
                    sync::toString);
        }

        CliResult created = aliceRuntime.shell("mx:create e2e-two-runtimes " + bob.userId()).assertSuccess();
        String room = created.out();
        assertTrue(room.startsWith("!") && !room.contains(" "), () -> "mx:create prints the room id: " + created);

        CliResult joined = bobRuntime.shell("mx:join " + room).assertSuccess();
        assertEquals("joined " + room, joined.out(), joined::toString);

        String text = "hello from bob " + UUID.randomUUID();
        CliResult sent = bobRuntime.shell("mx:send " + room + " " + text).assertSuccess();
        assertTrue(sent.out().startsWith("$"), () -> "mx:send prints the event id: " + sent);

        CliResult tail = Eventually.within(Duration.ofSeconds(30)).until("bob's message in alice's mx:tail",
                () -> aliceRuntime.shell("mx:tail -n 5 " + room).assertSuccess(), r -> r.stdout().contains(text));
        String line = tail.stdoutLines().stream().filter(l -> l.contains(text)).findFirst().orElseThrow();
        assertTrue(line.contains(" " + bob.userId() + " m.room.message " + text), () -> "tail line: " + tail);
    }
}
