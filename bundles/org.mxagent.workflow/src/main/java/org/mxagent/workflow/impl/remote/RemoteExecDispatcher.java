package org.mxagent.workflow.impl.remote;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import org.mxagent.exec.api.RemoteExec;
import org.mxagent.exec.api.RemoteExecException;
import org.mxagent.exec.api.RemoteExecRequest;
import org.mxagent.exec.api.RemoteInvocation;
import org.mxagent.protocol.api.event.ExecAction;
import org.mxagent.workflow.impl.Dispatches;
import org.mxagent.workflow.impl.RunOn;
import org.mxagent.workflow.spi.Dispatch;
import org.mxagent.workflow.spi.DispatchOutcome;
import org.mxagent.workflow.spi.DispatchRequest;
import org.mxagent.workflow.spi.TaskDispatcher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Runs exec actions whose {@code run_on} names another agent: a signed {@code exec.request} from the claiming
 * agent to that agent, under the task's invocation id, through {@link RemoteExec}. The executing runtime's
 * receive pipeline (signature, trust, policy, replay, audit) decides; its rejection reason becomes the task's.
 * Only registered while the exec bundle offers {@link RemoteExec}.
 */
@Component(service = TaskDispatcher.class, property = "service.ranking:Integer=10")
public final class RemoteExecDispatcher implements TaskDispatcher {
    private final RemoteExec remote;
    private final Logger log;

    @Activate
    public RemoteExecDispatcher(@Reference RemoteExec remote, @Reference(service = LoggerFactory.class) Logger log) {
        this.remote = remote;
        this.log = log;
    }

    @Override
    public boolean accepts(DispatchRequest request) {
        return RunOn.elsewhere(request.action(), request.targetAgent()).isPresent();
    }

    @Override
    public Dispatch dispatch(DispatchRequest request) {
        ExecAction action = (ExecAction) request.action();
        String executor = RunOn.elsewhere(action, request.targetAgent()).orElseThrow();
        if (action.timeoutMs() != null && action.timeoutMs() <= 0) {
            return Dispatches.done(DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED,
                    "timeout_ms must be positive"));
        }
        RemoteInvocation invocation;
        try {
            invocation = remote.start(new RemoteExecRequest(request.roomId(), request.targetAgent(), executor,
                    Optional.of(request.invocationId()), action.command(), Optional.ofNullable(action.cwd()),
                    action.env(), action.timeoutMs() == null ? OptionalLong.empty()
                            : OptionalLong.of(action.timeoutMs())));
        } catch (RemoteExecException | IllegalArgumentException e) {
            return Dispatches.done(DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED, e.getMessage()));
        }
        log.info("task {}: exec {} sent to {} as {}", request.taskId(), invocation.invocationId(), executor,
                request.targetAgent());
        return new RemoteDispatch(invocation, executor);
    }

    /** The remote invocation as a {@link Dispatch}: cancel sends a signed {@code exec.cancel}. */
    private static final class RemoteDispatch implements Dispatch {
        private final RemoteInvocation invocation;
        private final CompletionStage<DispatchOutcome> outcome;
        private volatile boolean cancelled;

        RemoteDispatch(RemoteInvocation invocation, String executor) {
            this.invocation = invocation;
            this.outcome = invocation.result().thenApply(r -> Outcomes.of(r, executor, cancelled));
        }

        @Override
        public CompletionStage<DispatchOutcome> outcome() {
            return outcome;
        }

        @Override
        public void cancel(String reason) {
            cancelled = true;
            invocation.cancel(reason);
        }
    }
}
