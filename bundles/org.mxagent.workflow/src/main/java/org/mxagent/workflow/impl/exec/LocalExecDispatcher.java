package org.mxagent.workflow.impl;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.ExecRequestFacts;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.protocol.api.event.ExecAction;
import org.mxagent.terminal.api.ExecException;
import org.mxagent.terminal.api.ExecResult;
import org.mxagent.terminal.api.ExecSpec;
import org.mxagent.terminal.api.LocalExec;
import org.mxagent.terminal.api.RunningExec;
import org.mxagent.terminal.api.Termination;
import org.mxagent.workflow.spi.Dispatch;
import org.mxagent.workflow.spi.DispatchOutcome;
import org.mxagent.workflow.spi.DispatchRequest;
import org.mxagent.workflow.spi.TaskDispatcher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs exec actions on this machine: the exec policy of the task's room for the authorizing agent's Matrix user,
 * then {@link LocalExec} under the resulting allowance. Tool actions are refused as {@code dispatch_failed}.
 */
@Component(service = TaskDispatcher.class, property = "service.ranking:Integer=0")
public final class LocalExecDispatcher implements TaskDispatcher {
    private final PolicyService policy;
    private final LocalExec exec;

    @Activate
    public LocalExecDispatcher(@Reference PolicyService policy, @Reference LocalExec exec) {
        this.policy = policy;
        this.exec = exec;
    }

    @Override
    public boolean accepts(DispatchRequest request) {
        return true;
    }

    @Override
    public Dispatch dispatch(DispatchRequest request) {
        if (!(request.action() instanceof ExecAction action)) {
            return done(DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED,
                    "tool actions are not dispatched locally yet"));
        }
        if (action.cwd() == null || !Path.of(action.cwd()).isAbsolute()) {
            return done(DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED,
                    "exec action needs an absolute cwd, got " + action.cwd()));
        }
        if (action.timeoutMs() != null && action.timeoutMs() <= 0) {
            return done(DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED, "timeout_ms must be positive"));
        }
        Decision decision = policy.evaluateExec(new ExecRequestFacts(request.roomId(), request.requesterUserId(),
                action.command(), action.cwd(), action.env().keySet(), action.timeoutMs() == null
                        ? OptionalLong.empty() : OptionalLong.of(action.timeoutMs())));
        if (decision instanceof Decision.Denied denied) {
            return done(DispatchOutcome.refused(denied.reason().wire(), "denied by policy rule " + denied.rule()));
        }
        Decision.Allowed allowed = (Decision.Allowed) decision;
        OutputTail tail = new OutputTail();
        RunningExec running;
        try {
            running = exec.start(new ExecSpec(request.invocationId(), action.command(), Path.of(action.cwd()),
                    action.env(), false, Optional.empty()), allowed.allowance(), tail);
        } catch (ExecException e) {
            return done(DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED, "could not start: " + e.getMessage()));
        }
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

    private static Dispatch done(DispatchOutcome outcome) {
        CompletableFuture<DispatchOutcome> completed = CompletableFuture.completedFuture(outcome);
        return new Dispatch() {
            @Override
            public CompletionStage<DispatchOutcome> outcome() {
                return completed;
            }

            @Override
            public void cancel(String reason) {
                // nothing runs: the outcome is already final
            }
        };
    }
}
