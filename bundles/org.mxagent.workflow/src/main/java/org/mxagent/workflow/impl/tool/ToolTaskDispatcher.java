package org.mxagent.workflow.impl.tool;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mxagent.exec.api.LocalCalls;
import org.mxagent.protocol.api.event.ToolAction;
import org.mxagent.workflow.impl.Dispatches;
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
 * Runs tool actions on the claiming agent's runtime through {@link LocalCalls}: the room's {@code allow_tools} for
 * the authorizing agent's Matrix user decides, then the tool runs under that allowance. Only registered while the
 * exec bundle offers {@link LocalCalls}; without it tool tasks find no dispatcher and fail as
 * {@code dispatch_failed}.
 */
@Component(service = TaskDispatcher.class, property = "service.ranking:Integer=10")
public final class ToolTaskDispatcher implements TaskDispatcher {
    private final LocalCalls calls;
    private final Logger log;

    @Activate
    public ToolTaskDispatcher(@Reference LocalCalls calls, @Reference(service = LoggerFactory.class) Logger log) {
        this.calls = calls;
        this.log = log;
    }

    @Override
    public boolean accepts(DispatchRequest request) {
        return request.action() instanceof ToolAction;
    }

    @Override
    public Dispatch dispatch(DispatchRequest request) {
        ToolAction action = (ToolAction) request.action();
        if (!action.args().isObject()) {
            return Dispatches.done(DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED,
                    "tool action args must be a JSON object"));
        }
        log.info("task {}: calling {} for {}", request.taskId(), action.tool(), request.requesterUserId());
        CompletableFuture<DispatchOutcome> outcome = new CompletableFuture<>();
        calls.call(request.roomId(), request.requesterUserId(), action.tool(), action.args(), OptionalLong.empty())
                .whenComplete((result, failure) -> outcome.complete(failure == null
                        ? ToolOutcomes.of(action.tool(), result)
                        : DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED, "the call failed: " + failure)));
        return new Dispatch() {
            @Override
            public CompletionStage<DispatchOutcome> outcome() {
                return outcome;
            }

            /** The task ends now as cancelled; the call itself ends at its own timeout (a tool is not a process). */
            @Override
            public void cancel(String reason) {
                outcome.complete(new DispatchOutcome(false, DispatchOutcome.CANCELLED, null, "cancelled: " + reason));
            }
        };
    }
}
