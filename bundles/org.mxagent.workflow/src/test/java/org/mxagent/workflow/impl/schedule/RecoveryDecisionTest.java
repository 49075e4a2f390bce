package org.mxagent.workflow.impl.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.event.InvocationState;
import org.mxagent.protocol.api.event.InvocationStatus;

/** The restart-recovery rule of issue 6, case by case. */
class RecoveryDecisionTest {
    private static final String OURS = "DEVICEA";

    private static Optional<InvocationState> invocation(InvocationStatus status) {
        return Optional.of(new InvocationState("inv_1", "task_1", "agt_r", "agt_t", status, "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:00Z", status == InvocationStatus.SUCCEEDED ? 0 : null, 1, Map.of()));
    }

    @Test
    void runningHereIsLeftAlone() {
        assertEquals(Recovery.Action.LIVE_HERE, Recovery.decide(true, invocation(InvocationStatus.RUNNING), OURS,
                OURS, true));
    }

    @Test
    void aFinishedInvocationGivesItsOutcome() {
        for (InvocationStatus status : new InvocationStatus[] {InvocationStatus.SUCCEEDED, InvocationStatus.FAILED,
            InvocationStatus.CANCELLED}) {
            assertEquals(Recovery.Action.COPY_OUTCOME, Recovery.decide(false, invocation(status), OURS, OURS, true));
            assertEquals(Recovery.Action.COPY_OUTCOME, Recovery.decide(false, invocation(status), "OTHER", OURS,
                    false));
        }
    }

    @Test
    void runningOnAnotherDeviceIsLeftToIt() {
        assertEquals(Recovery.Action.ELSEWHERE, Recovery.decide(false, invocation(InvocationStatus.RUNNING), "OTHER",
                OURS, false));
        assertEquals(Recovery.Action.ELSEWHERE, Recovery.decide(false, Optional.empty(), null, OURS, false));
    }

    @Test
    void oursAndGoneIsStale() {
        assertEquals(Recovery.Action.FAIL_STALE, Recovery.decide(false, invocation(InvocationStatus.RUNNING), OURS,
                OURS, false));
        assertEquals(Recovery.Action.FAIL_STALE, Recovery.decide(false, Optional.empty(), OURS, OURS, false));
        assertEquals(Recovery.Action.FAIL_STALE, Recovery.decide(false, invocation(InvocationStatus.RUNNING), null,
                OURS, true));
    }
}
