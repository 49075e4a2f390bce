package org.mxagent.workflow.spi;

import java.util.Objects;

/**
 * How a dispatched task ended. {@code reason} is a {@code task.v1.result.reason} code ({@code process_exit},
 * {@code policy_denied}, {@code dispatch_failed}, …); {@code exitCode} is null when there was no process exit.
 */
public record DispatchOutcome(boolean succeeded, String reason, Integer exitCode, String summary) {
    public static final String PROCESS_EXIT = "process_exit";
    public static final String POLICY_DENIED = "policy_denied";
    public static final String DISPATCH_FAILED = "dispatch_failed";
    public static final String CANCELLED = "cancelled";

    public DispatchOutcome {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(summary, "summary");
    }

    public static DispatchOutcome refused(String reason, String summary) {
        return new DispatchOutcome(false, reason, null, summary);
    }
}
