package org.mxagent.workflow.impl.exec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.mxagent.policy.api.Allowance;
import org.mxagent.protocol.api.event.ExecAction;
import org.mxagent.terminal.api.ExecException;
import org.mxagent.terminal.api.ExecResult;
import org.mxagent.terminal.api.ExecSpec;
import org.mxagent.terminal.api.LocalExec;
import org.mxagent.terminal.api.RunningExec;
import org.mxagent.terminal.api.Termination;
import org.mxagent.workflow.impl.Dispatches;
import org.mxagent.workflow.impl.recovery.ProcessLedger;
import org.mxagent.workflow.spi.Dispatch;
import org.mxagent.workflow.spi.DispatchOutcome;
import org.mxagent.workflow.spi.DispatchRequest;

/**
 * Starts an allowed exec action through {@link LocalExec} and records the process in the {@link ProcessLedger},
 * so that after a crash the orphan can be recognised (pid + start time) and stopped.
 */
final class ExecStart {
    private ExecStart() {}

    static Dispatch start(LocalExec exec, ProcessLedger ledger, DispatchRequest request, ExecAction action,
            Allowance allowance) {
        OutputTail tail = new OutputTail();
        RunningExec running;
        try {
            running = exec.start(new ExecSpec(request.invocationId(), action.command(), Path.of(action.cwd()),
                    action.env(), false, Optional.empty()), allowance, tail);
        } catch (ExecException e) {
            return done(DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED, "could not start: " + e.getMessage()));
        }
        ledger.started(request.invocationId(), request.taskId(), request.roomId(), running.pid());
        CompletionStage<DispatchOutcome> outcome = running.onFinished().thenApply(r -> outcome(r, tail));
        return new Dispatch() {
            @Override
            public CompletionStage<DispatchOutcome> outcome() {
                return outcome;
            }

            @Override
            public void cancel(String reason) {
                running.cancel(reason);
            }
        };
    }

    private static DispatchOutcome outcome(ExecResult result, OutputTail tail) {
        if (result.termination() == Termination.CANCELLED) {
            return new DispatchOutcome(false, DispatchOutcome.CANCELLED, result.exitCode(), "cancelled");
        }
        String summary = result.termination() == Termination.TIMED_OUT ? "timed out; " + tail.text() : tail.text();
        return new DispatchOutcome(Integer.valueOf(0).equals(result.exitCode()), DispatchOutcome.PROCESS_EXIT,
                result.exitCode(), summary);
    }

    /** A dispatch that never ran anything: its outcome is already final. */
    static Dispatch done(DispatchOutcome outcome) {
        return Dispatches.done(outcome);
    }
}
