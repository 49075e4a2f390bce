package org.mxagent.workflow.impl.tool;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.exec.api.LocalCallOutcome;
import org.mxagent.workflow.spi.DispatchOutcome;

/** A local tool call's outcome as {@code task.v1.result} (reason codes in specs/workflow.md, "Tool actions"). */
final class ToolOutcomes {
    /** {@code reason} of a tool call that returned a result. */
    static final String TOOL_RESULT = "tool_result";
    /** {@code reason} of a tool that ran and failed (its code leads the summary). */
    static final String TOOL_FAILED = "tool_failed";
    static final int MAX_SUMMARY = 400;

    private ToolOutcomes() {}

    static DispatchOutcome of(String tool, LocalCallOutcome outcome) {
        if (outcome.ok()) {
            return new DispatchOutcome(true, TOOL_RESULT, null, summary(outcome.result()));
        }
        String summary = clip(tool + ": " + outcome.code() + ": " + outcome.error());
        return switch (outcome.code()) {
            case LocalCallOutcome.POLICY_DENIED -> DispatchOutcome.refused(DispatchOutcome.POLICY_DENIED, summary);
            case LocalCallOutcome.APPROVAL_REQUIRED, LocalCallOutcome.UNKNOWN_TOOL ->
                    DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED, summary);
            default -> DispatchOutcome.refused(TOOL_FAILED, summary);
        };
    }

    /** The result as compact JSON (a text result as itself), cut to {@value #MAX_SUMMARY} characters. */
    static String summary(JsonNode result) {
        return clip(result.isTextual() ? result.asText() : result.toString());
    }

    private static String clip(String text) {
        return text.length() <= MAX_SUMMARY ? text : text.substring(0, MAX_SUMMARY - 1) + "…";
    }
}
