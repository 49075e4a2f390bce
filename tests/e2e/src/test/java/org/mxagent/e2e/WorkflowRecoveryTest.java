package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;

/**
 * Restart recovery (issue 6): bob's daemon is killed with SIGKILL while his task runs a long command. The command
 * is orphaned (it keeps running). On restart bob's scheduler reconciles the executing task against its
 * invocation: it was bob's own (his device) and nothing runs it any more, so the orphaned process group, provably
 * the recorded one (pid + start time + boot id), is stopped and the task fails with
 * {@code recovered_stale_invocation}; the command ran exactly once.
 */
class WorkflowRecoveryTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    // Two or three runtimes and dozens of Matrix round trips: on a loaded 2-core machine more than the default 120 s.
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aTaskInterruptedByKill9IsFailedAsStaleAndItsOrphanReaped() throws Exception {
        WorkflowPair wf = WorkflowPair.create(e2e);
        String task = wf.task("long", wf.bobAgent(), List.of(), "sh", "-c",
                "echo $$ > leader.pid; echo started >> ran.log; sleep 300 & echo $! > child.pid; wait");
        Eventually.within(Duration.ofSeconds(60)).until("bob's command started", () -> wf.lines("child.pid"),
                lines -> !lines.isEmpty());
        long leader = Long.parseLong(wf.lines("leader.pid").get(0).strip());
        long child = Long.parseLong(wf.lines("child.pid").get(0).strip());
        JsonNode executing = wf.show(wf.bob(), task);
        assertEquals("executing", executing.path("state").asText(), executing::toString);
        String invocation = executing.path("invocation_id").asText();

        List<Long> daemons = wf.bob().daemonProcesses();
        assertEquals(1, daemons.size(), daemons::toString);
        ProcessHandle daemon = ProcessHandle.of(daemons.get(0)).orElseThrow();
        daemon.destroyForcibly(); // SIGKILL: no shutdown hook, no clean up
        daemon.onExit().get(30, TimeUnit.SECONDS);
        assertTrue(alive(leader) && alive(child), "the command outlives its daemon (orphaned)");
        assertEquals("executing", wf.show(wf.alice(), task).path("state").asText(), "nobody has touched it yet");

        wf.bob().start();
        wf.bob().awaitReady();
        JsonNode recovered = wf.awaitFinal(task, Duration.ofSeconds(60));
        assertEquals("failed", recovered.path("state").asText(), recovered::toString);
        assertEquals("recovered_stale_invocation", recovered.path("result").path("reason").asText(),
                recovered::toString);
        assertEquals(invocation, recovered.path("invocation_id").asText(), recovered::toString);
        assertTrue(recovered.path("result").path("summary").asText().contains("orphaned process group " + leader
                + " was stopped"), recovered::toString);
        Eventually.within(Duration.ofSeconds(20)).until("the orphans are gone", () -> alive(leader) || alive(child),
                stillAlive -> !stillAlive);
        JsonNode published = wf.alice().jsonCli("invocation", "show", invocation, "--room", wf.room());
        assertEquals("failed", published.path("state").asText(), published::toString);
        assertEquals(List.of("started"), wf.lines("ran.log"), "the command ran exactly once");
        assertFalse(Files.exists(wf.bob().dataDir().resolve("workflow/processes/" + invocation + ".json")),
                "the process record is gone");
    }

    /** Running (a zombie waiting for its reaper has exited). */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }
}
