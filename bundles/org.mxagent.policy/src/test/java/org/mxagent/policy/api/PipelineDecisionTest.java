package org.mxagent.policy.api;

import org.mxagent.protocol.api.event.RejectReason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineDecisionTest {
    @Test
    void rejectionsAndOnlyRejectionsCarryAWireReason() {
        assertEquals(Optional.of(RejectReason.UNSIGNED),
                PipelineDecision.rejected(RejectReason.UNSIGNED, Rules.UNSIGNED, "").reason());
        assertThrows(IllegalArgumentException.class, () -> new PipelineDecision(PipelineDecision.Outcome.DROPPED,
                Optional.of(RejectReason.UNSIGNED), "x", Optional.empty(), ""));
        assertThrows(IllegalArgumentException.class, () -> new PipelineDecision(PipelineDecision.Outcome.REJECTED,
                Optional.empty(), "x", Optional.empty(), ""));
    }

    @Test
    void allowedDecisionsNeedAnAllowance() {
        assertThrows(IllegalArgumentException.class, () -> new PipelineDecision(PipelineDecision.Outcome.ALLOWED,
                Optional.empty(), "x", Optional.empty(), ""));
    }
}
