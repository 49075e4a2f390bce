package org.mxagent.workflow.impl.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real processes: only the very process recorded (pid, start time, boot) is stopped, with its group. */
class OrphanReaperTest {

    @Test
    void stopsTheRecordedProcessGroupWithItsChildren() throws Exception {
        Process leader = new ProcessBuilder("setsid", "sh", "-c", "sleep 300 & wait").start();
        ProcessIdentity recorded = ProcessIdentity.of(leader.pid()).orElseThrow();
        ProcessHandle child = awaitChild(leader);
        assertEquals(leader.pid(), ProcessIdentity.of(leader.pid()).orElseThrow().processGroup(),
                "setsid: the leader's group is its own pid");
        assertEquals(OrphanReaper.Result.STOPPED, OrphanReaper.reap(recorded, Duration.ofSeconds(5)));
        assertTrue(leader.waitFor(5, TimeUnit.SECONDS));
        child.onExit().get(5, TimeUnit.SECONDS);
        assertFalse(child.isAlive());
    }

    @Test
    void leavesAProcessWithAnotherStartTimeAlone() throws Exception {
        Process other = new ProcessBuilder("sleep", "300").start();
        try {
            ProcessIdentity now = ProcessIdentity.of(other.pid()).orElseThrow();
            ProcessIdentity reused = new ProcessIdentity(now.pid(), now.processGroup(), now.startTicks() - 1,
                    now.bootId());
            assertEquals(OrphanReaper.Result.NOT_OURS, OrphanReaper.reap(reused, Duration.ofSeconds(1)));
            assertTrue(other.isAlive());
            ProcessIdentity otherBoot = new ProcessIdentity(now.pid(), now.processGroup(), now.startTicks(),
                    "another-boot");
            assertEquals(OrphanReaper.Result.NOT_OURS, OrphanReaper.reap(otherBoot, Duration.ofSeconds(1)));
            assertTrue(other.isAlive());
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void aProcessThatEndedIsGone() throws Exception {
        Process done = new ProcessBuilder("true").start();
        ProcessIdentity recorded = new ProcessIdentity(done.pid(), done.pid(), 1, ProcessIdentity.currentBootId()
                .orElseThrow());
        done.waitFor();
        assertEquals(OrphanReaper.Result.GONE, OrphanReaper.reap(recorded, Duration.ofSeconds(1)));
    }

    private static ProcessHandle awaitChild(Process leader) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            var child = leader.toHandle().children().findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            leader.waitFor(20, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("sh started no child");
    }
}
