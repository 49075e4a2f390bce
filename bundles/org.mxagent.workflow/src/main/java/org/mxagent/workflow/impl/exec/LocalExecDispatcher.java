package org.mxagent.workflow.impl.exec;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.ExecRequestFacts;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.protocol.api.event.ExecAction;
import org.mxagent.terminal.api.LocalExec;
import org.mxagent.workflow.impl.RunOn;
import org.mxagent.workflow.impl.recovery.ProcessLedger;
import org.mxagent.workflow.spi.Dispatch;
import org.mxagent.workflow.spi.DispatchOutcome;
import org.mxagent.workflow.spi.DispatchRequest;
import org.mxagent.workflow.spi.TaskDispatcher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs exec actions on this machine: the exec policy of the task's room for the authorizing agent's Matrix user,
 * then {@link LocalExec} under the resulting allowance; an allowance that {@code requires_approval} is held by
 * {@link TaskHolds} until approved. Exec actions only (tool actions: ToolTaskDispatcher).
 */
@Component(service = TaskDispatcher.class, property = "service.ranking:Integer=0")
public final class LocalExecDispatcher implements TaskDispatcher {
    private final PolicyService policy;
    private final LocalExec exec;
    private final ProcessLedger ledger;
    private final TaskHolds holds;

    @Activate
    public LocalExecDispatcher(@Reference PolicyService policy, @Reference LocalExec exec,
            @Reference ProcessLedger ledger, @Reference TaskHolds holds) {
        this.policy = policy;
        this.exec = exec;
        this.ledger = ledger;
        this.holds = holds;
    }

    @Override
    public boolean accepts(DispatchRequest request) {
        // agent actions: the adapter bundle's dispatcher; tool actions: ToolTaskDispatcher; run_on another agent:
        // the remote one, never here
        return request.action() instanceof ExecAction
                && RunOn.elsewhere(request.action(), request.targetAgent()).isEmpty();
    }

    @Override
    public Dispatch dispatch(DispatchRequest request) {
        ExecAction action = (ExecAction) request.action();
        if (action.cwd() == null || !Path.of(action.cwd()).isAbsolute()) {
            return ExecStart.done(DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED,
                    "exec action needs an absolute cwd, got " + action.cwd()));
        }
        if (action.timeoutMs() != null && action.timeoutMs() <= 0) {
            return ExecStart.done(DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED,
                    "timeout_ms must be positive"));
        }
        Decision decision = policy.evaluateExec(facts(request, action));
        if (decision instanceof Decision.Denied denied) {
            return ExecStart.done(DispatchOutcome.refused(denied.reason().wire(),
                    "denied by policy rule " + denied.rule()));
        }
        Decision.Allowed allowed = (Decision.Allowed) decision;
        if (allowed.allowance().requiresApproval()) {
            return holds.hold(request, action, allowed.allowance());
        }
        return ExecStart.start(exec, ledger, request, action, allowed.allowance());
    }

    static ExecRequestFacts facts(DispatchRequest request, ExecAction action) {
        return new ExecRequestFacts(request.roomId(), request.requesterUserId(), action.command(), action.cwd(),
                action.env().keySet(), action.timeoutMs() == null ? OptionalLong.empty()
                        : OptionalLong.of(action.timeoutMs()));
    }
}
