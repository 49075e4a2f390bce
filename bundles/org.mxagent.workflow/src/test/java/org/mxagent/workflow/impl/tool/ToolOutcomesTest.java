package org.mxagent.workflow.impl.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.mxagent.exec.api.LocalCallOutcome;
import org.mxagent.workflow.spi.DispatchOutcome;

/** Local tool call outcomes as task.v1.result reasons (specs/workflow.md, "Tool actions"). */
class ToolOutcomesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aResultSucceedsWithItsJsonAsSummary() {
        ObjectNode result = JSON.createObjectNode().put("content", "hello tool").put("eof", true);
        DispatchOutcome outcome = ToolOutcomes.of("read_file", LocalCallOutcome.success(result));
        assertTrue(outcome.succeeded());
        assertEquals(ToolOutcomes.TOOL_RESULT, outcome.reason());
        assertNull(outcome.exitCode());
        assertEquals("{\"content\":\"hello tool\",\"eof\":true}", outcome.summary());
    }

    @Test
    void aTextResultIsItsOwnSummary() {
        DispatchOutcome outcome = ToolOutcomes.of("t", LocalCallOutcome.success(JSON.getNodeFactory().textNode("a\nb")));
        assertEquals("a\nb", outcome.summary());
    }

    @Test
    void aLongResultIsCutTo400Characters() {
        ObjectNode result = JSON.createObjectNode().put("content", "x".repeat(1000));
        String summary = ToolOutcomes.of("t", LocalCallOutcome.success(result)).summary();
        assertEquals(ToolOutcomes.MAX_SUMMARY, summary.length());
        assertTrue(summary.startsWith("{\"content\":\"xxx"));
        assertTrue(summary.endsWith("…"));
    }

    @Test
    void aPolicyDenialKeepsItsReason() {
        DispatchOutcome outcome = ToolOutcomes.of("git_status", LocalCallOutcome.failure("policy_denied",
                "denied by policy rule allow_tools"));
        assertFalse(outcome.succeeded());
        assertEquals(DispatchOutcome.POLICY_DENIED, outcome.reason());
        assertEquals("git_status: policy_denied: denied by policy rule allow_tools", outcome.summary());
    }

    @Test
    void anUnknownToolOrAHeldCallIsADispatchFailure() {
        DispatchOutcome unknown = ToolOutcomes.of("nope", LocalCallOutcome.failure("unknown_tool", "unknown tool nope"));
        assertEquals(DispatchOutcome.DISPATCH_FAILED, unknown.reason());
        assertEquals("nope: unknown_tool: unknown tool nope", unknown.summary());
        DispatchOutcome held = ToolOutcomes.of("t", LocalCallOutcome.failure("approval_required", "needs approval"));
        assertEquals(DispatchOutcome.DISPATCH_FAILED, held.reason());
    }

    @Test
    void aToolErrorIsAToolFailureNamingItsCode() {
        DispatchOutcome outcome = ToolOutcomes.of("read_file", LocalCallOutcome.failure("denied",
                "/etc/passwd is outside the allowed paths"));
        assertFalse(outcome.succeeded());
        assertEquals(ToolOutcomes.TOOL_FAILED, outcome.reason());
        assertEquals("read_file: denied: /etc/passwd is outside the allowed paths", outcome.summary());
    }
}
