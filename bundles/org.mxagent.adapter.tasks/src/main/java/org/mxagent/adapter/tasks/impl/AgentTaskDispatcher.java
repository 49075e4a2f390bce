package org.mxagent.adapter.tasks.impl;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.mxagent.adapter.api.AdapterRunner;
import org.mxagent.adapter.api.AgentRun;
import org.mxagent.adapter.api.RunOutcome;
import org.mxagent.adapter.spi.AdapterException;
import org.mxagent.adapter.spi.AgentWork;
import org.mxagent.adapter.spi.Progress;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.protocol.api.event.AgentAction;
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
 * Runs {@code {"type":"agent",…}} task actions: the named adapter with the prompt, through the adapter runner
 * (the same LocalExec floor as exec: sandbox, env scrub, limits, process-group cancel), after the room's exec
 * policy has allowed the exact launch ({@link PolicyGate}). The agent's final answer (or its error, with what to
 * do) becomes {@code task.result.summary}.
 */
@Component(service = TaskDispatcher.class, property = "service.ranking:Integer=10")
public final class AgentTaskDispatcher implements TaskDispatcher {
    /** task.v1 is room state (64 KiB per event): a longer answer is cut, and says so. */
    static final int MAX_SUMMARY_CHARS = 16_000;

    private final AdapterRunner runner;
    private final PolicyService policy;
    private final Logger log;

    @Activate
    public AgentTaskDispatcher(@Reference AdapterRunner runner, @Reference PolicyService policy,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.runner = runner;
        this.policy = policy;
        this.log = log;
    }

    @Override
    public boolean accepts(DispatchRequest request) {
        return request.action() instanceof AgentAction;
    }

    @Override
    public Dispatch dispatch(DispatchRequest request) {
        AgentAction action = (AgentAction) request.action();
        if (action.cwd() == null || !Path.of(action.cwd()).isAbsolute()) {
            return done(refused("agent action needs an absolute cwd, got " + action.cwd()));
        }
        if (action.timeoutMs() != null && action.timeoutMs() <= 0) {
            return done(refused("timeout_ms must be positive"));
        }
        if (action.prompt().isBlank()) {
            return done(refused("agent action has an empty prompt"));
        }
        AgentWork work = new AgentWork(request.invocationId(), action.prompt(), Path.of(action.cwd()),
                action.allowedTools(), Optional.ofNullable(action.model()).filter(m -> !m.isBlank()), Map.of());
        PolicyGate gate = new PolicyGate(policy, request.roomId(), request.requesterUserId(),
                action.timeoutMs() == null ? OptionalLong.empty() : OptionalLong.of(action.timeoutMs()));
        AgentRun run;
        try {
            run = runner.start(action.adapter(), work, gate, progress -> report(request, progress));
        } catch (AdapterException e) {
            log.info("task {}: adapter {} not started: {}", request.taskId(), action.adapter(), e.getMessage());
            return done(gate.denial().map(d -> DispatchOutcome.refused(d.reason().wire(), e.getMessage()))
                    .orElseGet(() -> refused(e.getMessage())));
        }
        log.info("task {}: adapter {} started as {}", request.taskId(), action.adapter(), run.id());
        CompletionStage<DispatchOutcome> outcome = run.onFinished().thenApply(AgentTaskDispatcher::outcome);
        return new Dispatch() {
            @Override
            public CompletionStage<DispatchOutcome> outcome() {
                return outcome;
            }

            @Override
            public void cancel(String reason) {
                run.cancel(reason);
            }
        };
    }

    /** Progress goes to the runtime's log; the terminal event becomes the task result. */
    private void report(DispatchRequest request, Progress progress) {
        if (progress.terminal()) {
            log.info("task {}: {} {}", request.taskId(), progress.kind(), abbreviate(progress.text(), 200));
        } else {
            log.debug("task {}: {} {} {}", request.taskId(), progress.kind(), abbreviate(progress.text(), 200),
                    progress.details());
        }
    }

    static DispatchOutcome outcome(RunOutcome run) {
        if (run.exit().cancelled()) {
            return new DispatchOutcome(false, DispatchOutcome.CANCELLED, null, "cancelled");
        }
        Integer exitCode = run.exit().exitCode().isPresent() ? run.exit().exitCode().getAsInt() : null;
        String text = run.exit().timedOut() ? "timed out; " + run.terminal().text() : run.terminal().text();
        return new DispatchOutcome(run.succeeded(), DispatchOutcome.PROCESS_EXIT, exitCode,
                abbreviate(text, MAX_SUMMARY_CHARS));
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text
                : text.substring(0, max) + "… (" + (text.length() - max) + " more characters)";
    }

    private static DispatchOutcome refused(String why) {
        return DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED, why);
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
