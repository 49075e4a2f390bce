package org.mxagent.workflow.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaskStatesTest {

    @Test
    void nineStatesWithTheDocumentedTransitions() {
        assertEquals(9, TaskStates.ALL.size());
        assertTrue(TaskStates.isAllowed("pending", "executing"));
        assertTrue(TaskStates.isAllowed("blocked", "assigned"));
        assertTrue(TaskStates.isAllowed("executing", "failed"));
        assertTrue(TaskStates.isAllowed("succeeded", "succeeded"));
        assertFalse(TaskStates.isAllowed("pending", "succeeded"));
        assertFalse(TaskStates.isAllowed("proposed", "executing"));
        assertFalse(TaskStates.isAllowed("executing", "pending"));
        assertFalse(TaskStates.isAllowed("cancelled", "pending"));
    }

    @Test
    void aRejectedTransitionNamesFromToAndTheAllowedTargets() {
        WorkflowException e = assertThrows(WorkflowException.class, () -> TaskStates.check("pending", "succeeded"));
        assertEquals("invalid task transition pending -> succeeded; pending may only become one of "
                + "[assigned, executing, cancelled, blocked, superseded]", e.getMessage());
        assertEquals(WorkflowException.Kind.INVALID, e.kind());
    }

    @Test
    void terminalAndUnknownStatesAreExplained() {
        assertEquals("invalid task transition failed -> pending (failed is terminal)",
                assertThrows(WorkflowException.class, () -> TaskStates.check("failed", "pending")).getMessage());
        assertTrue(assertThrows(WorkflowException.class, () -> TaskStates.check("pending", "done")).getMessage()
                .startsWith("unknown task state 'done'"));
    }
}
