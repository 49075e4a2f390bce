package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.AgentRuntime;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.mxagent.e2e.harness.MatrixUser;
import org.mxagent.e2e.harness.Session;
import org.mxagent.e2e.harness.SyncReport;

/**
 * What docs/operator.md promises an operator: the transport bundle can be updated, stopped and started through
 * {@code mx-agent shell} while the daemon runs, keeping the session (same user, same device, no new login) and
 * delivering what arrives afterwards. Bob plays the other user over plain HTTP.
 */
class OperatorHotSwapTest {
    private static final String TRANSPORT = "org.mxagent.transport.syncv2";
    private static final Duration RECOVERY = Duration.ofSeconds(40);

    @RegisterExtension
    final E2e e2e = new E2e();

    private MatrixUser alice;
    private MatrixUser bob;
    private AgentRuntime runtime;
    private Session session;
    private String room;
    private long transportId;

    @BeforeEach
    void aliceLoggedInWithBobInARoom() {
        alice = e2e.user("alice");
        bob = e2e.user("bob");
        runtime = e2e.loggedIn("alice", alice);
        session = runtime.session();
        room = runtime.shell("mx:create e2e-hot-swap " + bob.userId()).assertSuccess().out();
        e2e.homeserver().join(bob, room);
        transportId = runtime.bundleId(TRANSPORT);
        assertEquals("Active", runtime.bundle(TRANSPORT).state());
    }

    @Test
    void updatingTheTransportFromAJarKeepsTheSessionAndDeliversNewMessages() {
        long before = runtime.bundleLastModified(transportId);
        String location = runtime.embeddedBundle(TRANSPORT).toUri().toString();

        CliResult update = runtime.shell("update " + transportId + " " + location).assertSuccess();
        assertNoError(update);
        assertTrue(runtime.bundleLastModified(transportId) > before, "update installed a new revision");

        assertBackWithTheSameSession("after update");
        assertMessageFromBobIsSyncedAndShown("after update");
    }

    /** operator.md: {@code update <id>} re-reads the bundle from its location. */
    /**
     * Built-in bundles are packed inside mx-agent.jar, so they have no location to re-read: a bare
     * {@code update <id>} must fail visibly (non-zero exit, the reason on stderr) and leave the running
     * revision and its session alone. docs/operator.md says to update them from a file instead.
     */
    @Test
    void updatingABuiltInBundleWithoutALocationFailsVisiblyAndKeepsTheSession() {
        CliResult update = runtime.shell("update " + transportId);
        assertEquals(1, update.exit(), update::toString);
        assertTrue((update.stdout() + update.stderr()).contains("Unable to update"), update::toString);

        assertBackWithTheSameSession("after a refused update");
        assertMessageFromBobIsSyncedAndShown("after a refused update");
    }

    @Test
    void stoppingAndStartingTheTransportKeepsTheSession() {
        runtime.shell("stop " + transportId).assertSuccess();
        assertEquals("Resolved", runtime.bundle(TRANSPORT).state());

        JsonNode status = runtime.status();
        assertFalse(status.path("transport").asBoolean(true), () -> "status knows the transport is gone: " + status);
        assertTrue(status.path("sync").isNull(), status::toString);

        runtime.shell("start " + transportId).assertSuccess();
        assertEquals("Active", runtime.bundle(TRANSPORT).state());
        assertBackWithTheSameSession("after stop and start");
        assertMessageFromBobIsSyncedAndShown("after stop and start");
    }

    /** With the transport stopped, {@code mx:sync} says so instead of failing. */
    @Test
    void mxSyncAnswersWhileTheTransportIsStopped() {
        runtime.shell("stop " + transportId).assertSuccess();

        CliResult sync = runtime.shell("mx:sync");
        assertEquals(0, sync.exit(), sync::toString);
        assertTrue(sync.out().matches("sync: (not logged in|starting|.*transport.*)"), sync::toString);
        assertNoError(sync);

        runtime.shell("start " + transportId).assertSuccess();
        assertBackWithTheSameSession("after start");
    }

    private void assertBackWithTheSameSession(String when) {
        SyncReport sync = Eventually.within(RECOVERY).until("mx:sync running again for " + alice.userId() + " "
                + when, runtime::sync, report -> report.isRunning() && report.isFor(alice.userId()));
        assertTrue(sync.isFor(alice.userId()), sync::toString);
        assertEquals(session, runtime.session(), "same user and device " + when + ": no new login");
        // The homeserver still accepts the stored token, for that same device.
        CliResult whoami = runtime.shell("mx:whoami").assertSuccess();
        assertTrue(whoami.stdoutLines().contains("user:       " + alice.userId()), whoami::toString);
        assertTrue(whoami.stdoutLines().contains("device:     " + session.deviceId()), whoami::toString);
    }

    private void assertMessageFromBobIsSyncedAndShown(String when) {
        String text = "from bob " + when + " " + UUID.randomUUID();
        e2e.homeserver().sendText(bob, room, text);
        // The new transport's sync loop (its counters start at zero) delivers bob's message…
        Eventually.within(RECOVERY).until("a sync that delivered events " + when, runtime::status,
                s -> s.path("sync").path("completed_syncs").asLong() >= 1
                        && s.path("sync").path("events_delivered").asLong() >= 1);
        // …and alice sees it in the room.
        CliResult tail = Eventually.within(RECOVERY).until("bob's message in mx:tail " + when,
                () -> runtime.shell("mx:tail -n 5 " + room).assertSuccess(), r -> r.stdout().contains(text));
        assertTrue(tail.stdout().contains(bob.userId() + " m.room.message " + text), tail::toString);
    }

    private static void assertNoError(CliResult result) {
        String all = result.stdout() + result.stderr();
        assertFalse(all.contains("ERROR") || all.contains("Exception"), () -> "no error reported: " + result);
    }
}
