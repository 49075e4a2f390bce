package org.mxagent.workflow.impl.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mxagent.exec.api.RemoteExecResult;
import org.mxagent.workflow.spi.DispatchOutcome;

/** Remote exec results as task.v1.result reasons (specs/workflow.md, "Remote dispatch"). */
class OutcomesTest {
    private static RemoteExecResult result(String outcome, Integer exit, String signal, String rejected) {
        return new RemoteExecResult(outcome, exit, signal, Optional.ofNullable(rejected), false, "tail", "why");
    }

    @Test
    void anExitIsAProcessExitWithItsCode() {
        DispatchOutcome ok = Outcomes.of(result("exited", 0, null, null), "agt_b", false);
        assertTrue(ok.succeeded());
        assertEquals(DispatchOutcome.PROCESS_EXIT, ok.reason());
        assertEquals(0, ok.exitCode());
        assertEquals("tail", ok.summary());
        DispatchOutcome failed = Outcomes.of(result("exited", 3, null, null), "agt_b", false);
        assertFalse(failed.succeeded());
        assertEquals(3, failed.exitCode());
    }

    @Test
    void aRejectionCarriesTheExecutorsReasonCode() {
        for (String reason : new String[] {"policy_denied", "untrusted_key", "approval_denied", "unverified_device"}) {
            DispatchOutcome refused = Outcomes.of(result("rejected", null, null, reason), "agt_b", false);
            assertEquals(reason, refused.reason());
            assertFalse(refused.succeeded());
            assertNull(refused.exitCode());
            assertTrue(refused.summary().contains("agt_b rejected the exec: " + reason), refused.summary());
        }
    }

    @Test
    void aSignalIsAProcessExitWithoutCode() {
        DispatchOutcome killed = Outcomes.of(result("signalled", null, "SIGKILL", null), "agt_b", false);
        assertEquals(DispatchOutcome.PROCESS_EXIT, killed.reason());
        assertNull(killed.exitCode());
        assertTrue(killed.summary().contains("SIGKILL"), killed.summary());
    }

    @Test
    void aCancelWeAskedForIsCancelledWhateverTheExecutorSays() {
        assertEquals(DispatchOutcome.CANCELLED,
                Outcomes.of(result("signalled", null, "SIGTERM", null), "agt_b", true).reason());
    }

    @Test
    void timeoutsAndOtherFailuresAreDispatchFailed() {
        for (String outcome : new String[] {"timeout", "integrity", "runtime_stopped"}) {
            DispatchOutcome failed = Outcomes.of(result(outcome, null, null, null), "agt_b", false);
            assertEquals(DispatchOutcome.DISPATCH_FAILED, failed.reason());
            assertTrue(failed.summary().startsWith(outcome + " on agt_b: why"), failed.summary());
        }
    }
}
