package org.mxagent.workflow.impl.remote;

import org.mxagent.exec.api.RemoteExecResult;
import org.mxagent.workflow.spi.DispatchOutcome;

/** A remote exec result as {@code task.v1.result} (reason codes in specs/workflow.md, "Remote dispatch"). */
final class Outcomes {
    private Outcomes() {}

    static DispatchOutcome of(RemoteExecResult result, String executor, boolean cancelled) {
        if (cancelled) {
            return new DispatchOutcome(false, DispatchOutcome.CANCELLED, result.exitCode(), "cancelled on "
                    + executor);
        }
        return switch (result.outcome()) {
            case RemoteExecResult.EXITED -> new DispatchOutcome(Integer.valueOf(0).equals(result.exitCode()),
                    DispatchOutcome.PROCESS_EXIT, result.exitCode(), truncated(result) + result.tail());
            case RemoteExecResult.SIGNALLED -> new DispatchOutcome(false, DispatchOutcome.PROCESS_EXIT, null,
                    "killed by " + result.signal() + " on " + executor + "; " + result.tail());
            case RemoteExecResult.REJECTED -> DispatchOutcome.refused(
                    result.rejectedReason().orElse(DispatchOutcome.DISPATCH_FAILED),
                    executor + " rejected the exec: " + result.rejectedReason().orElse(result.message()));
            default -> DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED, result.outcome() + " on "
                    + executor + ": " + result.message());
        };
    }

    private static String truncated(RemoteExecResult result) {
        return result.truncated() ? "(output truncated by the executor) " : "";
    }
}
