package org.mxagent.adapter.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mxagent.adapter.api.AdapterStatus;
import org.mxagent.adapter.api.AgentRun;
import org.mxagent.adapter.api.LaunchGate;
import org.mxagent.adapter.api.RunOutcome;
import org.mxagent.adapter.spi.AdapterException;
import org.mxagent.adapter.spi.AgentAdapter;
import org.mxagent.adapter.spi.AgentWork;
import org.mxagent.adapter.spi.ExitInfo;
import org.mxagent.adapter.spi.LaunchPlan;
import org.mxagent.adapter.spi.OutputChannel;
import org.mxagent.adapter.spi.OutputParser;
import org.mxagent.adapter.spi.Progress;
import org.mxagent.policy.api.Allowance;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.ExecException;
import org.mxagent.terminal.api.ExecResult;
import org.mxagent.terminal.api.ExecSpec;
import org.mxagent.terminal.api.LocalExec;
import org.mxagent.terminal.api.OutputSink;
import org.mxagent.terminal.api.RunningExec;
import org.mxagent.terminal.api.SpooledLog;
import org.mxagent.terminal.api.TerminalSize;
import org.mxagent.terminal.api.Termination;
import org.mxagent.terminal.api.stream.ChunkPayload;

/**
 * The adapter runner without OSGi: detect, plan, start through {@link LocalExec}, feed the parser from the output
 * sink, finish with exactly one terminal event. The adapters and the executor are the caller's.
 */
final class RunnerCore {
    private final Supplier<List<Registered>> adapters;
    private final LocalExec exec;
    private final ScheduledExecutorService scheduler;

    /** An adapter and the bundle that registered it. */
    record Registered(AgentAdapter adapter, String bundle) {}

    RunnerCore(Supplier<List<Registered>> adapters, LocalExec exec, ScheduledExecutorService scheduler) {
        this.adapters = adapters;
        this.exec = exec;
        this.scheduler = scheduler;
    }

    List<AdapterStatus> statuses() {
        return adapters.get().stream().sorted(Comparator.comparing(r -> r.adapter().name()))
                .map(r -> new AdapterStatus(r.adapter().name(), r.bundle(), r.adapter().detect())).toList();
    }

    AgentRun start(String name, AgentWork work, LaunchGate gate, Consumer<Progress> listener)
            throws AdapterException {
        AgentAdapter adapter = adapters.get().stream().map(Registered::adapter).filter(a -> a.name().equals(name))
                .findFirst().orElseThrow(() -> new AdapterException(AdapterException.Reason.NO_SUCH_ADAPTER,
                        "no adapter named '" + name + "' is registered (installed: " + names()
                                + "); install and start its bundle, then check `adapter:list`"));
        var detection = adapter.detect();
        if (!detection.installed()) {
            throw new AdapterException(AdapterException.Reason.NOT_INSTALLED,
                    "adapter '" + name + "' cannot run: " + detection.problem().orElse("not installed"));
        }
        LaunchPlan plan = adapter.plan(work);
        Allowance allowance = gate.admit(name, plan);
        Run run = new Run(name, work.id(), adapter.newParser(work), listener, plan);
        ExecSpec spec = new ExecSpec(work.id(), plan.argv(), plan.cwd(), plan.env(),
                plan.stdinText().isPresent() || (plan.pty().isPresent() && plan.interrupt().isPresent()),
                plan.pty().map(size -> TerminalSize.of(size.rows(), size.cols())));
        RunningExec running;
        try {
            running = exec.start(spec, allowance, run);
        } catch (ExecException e) {
            String code = e.rejectReason().map(r -> r.wire() + ": ").orElse("");
            String hint = e.rejectReason().map(r -> r.wire().equals("env_override_not_allowed")
                    ? " (the adapter sets " + plan.env().keySet() + "; add them to the policy's env_allowlist)"
                    : "").orElse("");
            throw new AdapterException(e.rejectReason().isPresent() ? AdapterException.Reason.REJECTED
                    : AdapterException.Reason.FAILED, "adapter '" + name + "' could not start: " + code
                            + e.getMessage() + hint, e);
        }
        run.attach(running);
        if (plan.stdinText().isPresent()) {
            try {
                running.writeStdin(plan.stdinText().get().getBytes(StandardCharsets.UTF_8));
                if (plan.pty().isEmpty()) {
                    running.closeStdin(); // batch: EOF ends the prompt; a PTY stays open for the interrupt
                }
            } catch (IOException e) {
                // The agent exited before reading its input; its exit status and output tell the rest.
                run.note("stdin not delivered: " + e.getMessage());
            }
        }
        return run;
    }

    private String names() {
        List<String> names = adapters.get().stream().map(r -> r.adapter().name()).sorted().toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static Optional<String> wire(StreamName stream) {
        return Optional.ofNullable(stream).map(StreamName::wire);
    }

    /** One run: the sink LocalExec writes to, the parser, the listener. */
    private final class Run implements AgentRun, OutputSink {
        private final String adapter;
        private final String id;
        private final OutputParser parser;
        private final Consumer<Progress> listener;
        private final LaunchPlan plan;
        private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
        private final AtomicBoolean cancelling = new AtomicBoolean();
        private volatile RunningExec running;
        private Optional<Progress.Usage> usage = Optional.empty();
        private Progress terminal;

        Run(String adapter, String id, OutputParser parser, Consumer<Progress> listener, LaunchPlan plan) {
            this.adapter = adapter;
            this.id = id;
            this.parser = parser;
            this.listener = listener;
            this.plan = plan;
        }

        void attach(RunningExec exec) {
            this.running = exec;
            exec.onFinished().whenComplete((result, failure) -> {
                if (failure != null) {
                    outcome.completeExceptionally(failure);
                } else {
                    finish(result);
                }
            });
        }

        void note(String text) {
            deliver(Progress.of(Progress.Kind.STATUS, text));
        }

        @Override
        public synchronized void chunk(StreamChunk chunk) {
            if (chunk.eof()) {
                return;
            }
            OutputChannel channel = switch (wire(chunk.stream()).orElse("stdout")) {
                case "stderr" -> OutputChannel.STDERR;
                case "pty" -> OutputChannel.PTY;
                default -> OutputChannel.STDOUT;
            };
            Optional<byte[]> bytes = ChunkPayload.decode(chunk);
            if (bytes.isPresent()) {
                parser.output(channel, bytes.get(), this::deliver);
            }
        }

        private synchronized void finish(ExecResult result) {
            ExitInfo exit = new ExitInfo(result.exitCode() == null ? OptionalInt.empty()
                    : OptionalInt.of(result.exitCode()), Optional.ofNullable(result.signal()),
                    result.termination() == Termination.CANCELLED, result.termination() == Termination.TIMED_OUT,
                    result.truncated() || !result.artifacts().isEmpty());
            try {
                parser.finished(exit, this::deliver);
                if (terminal == null) {
                    deliver(Progress.of(Progress.Kind.ERROR, "adapter '" + adapter + "' reported no result ("
                            + exit.describe() + ")"));
                }
                outcome.complete(new RunOutcome(id, adapter, terminal, usage, exit, result.durationMs(),
                        result.warnings()));
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
            } finally {
                // Nobody uploads an adapter run's full logs: the parsed progress is the record.
                for (SpooledLog log : result.artifacts()) {
                    try {
                        log.delete();
                    } catch (IOException e) {
                        deliver(Progress.of(Progress.Kind.STATUS, "could not delete spooled log " + log.file()
                                + ": " + e.getMessage()));
                    }
                }
            }
        }

        private void deliver(Progress event) {
            if (terminal != null && event.terminal()) {
                return; // exactly one terminal event per run
            }
            if (event.terminal()) {
                terminal = event;
            }
            if (event.usage().isPresent()) {
                usage = event.usage();
            }
            listener.accept(event);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String adapter() {
            return adapter;
        }

        @Override
        public boolean cancel(String reason) {
            RunningExec exec = running;
            if (exec == null || outcome.isDone() || !cancelling.compareAndSet(false, true)) {
                return false;
            }
            Optional<LaunchPlan.Interrupt> interrupt = plan.interrupt();
            if (interrupt.isEmpty() || plan.pty().isEmpty()) {
                return exec.cancel(reason);
            }
            try {
                exec.writeStdin(interrupt.get().input().getBytes(StandardCharsets.UTF_8));
            } catch (IOException | IllegalStateException e) {
                return exec.cancel(reason + " (interrupt not delivered: " + e.getMessage() + ")");
            }
            Duration grace = interrupt.get().grace();
            var timer = scheduler.schedule(() -> exec.cancel(reason), grace.toMillis(), TimeUnit.MILLISECONDS);
            outcome.whenComplete((o, f) -> timer.cancel(false));
            return true;
        }

        @Override
        public CompletionStage<RunOutcome> onFinished() {
            return outcome.copy();
        }
    }
}
