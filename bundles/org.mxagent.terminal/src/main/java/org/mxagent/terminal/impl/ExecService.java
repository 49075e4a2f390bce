package org.mxagent.terminal.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.ChildEnvironment;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.protocol.api.event.RejectReason;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.sandbox.api.Availability;
import org.mxagent.sandbox.api.LaunchMode;
import org.mxagent.sandbox.api.LaunchSpec;
import org.mxagent.sandbox.api.Sandbox;
import org.mxagent.sandbox.api.SandboxException;
import org.mxagent.sandbox.api.WrappedCommand;
import org.mxagent.terminal.api.ExecException;
import org.mxagent.terminal.api.ExecSpec;
import org.mxagent.terminal.api.LocalExec;
import org.mxagent.terminal.api.OutputSink;
import org.mxagent.terminal.api.RunningExec;
import org.mxagent.terminal.api.TerminalSize;
import org.mxagent.terminal.api.stream.StreamChunker;
import org.mxagent.terminal.api.stream.StreamSettings;
import org.mxagent.terminal.api.stream.Ticker;
import org.osgi.service.log.Logger;

/**
 * {@link LocalExec} without OSGi: checks and builds the launch (sandbox, environment, cap), starts the process and
 * hands it to an {@link ExecSession}. Executors are owned by the caller.
 */
final class ExecService implements LocalExec {
    /** TERM for a PTY child when the runtime has none (a daemon started without a terminal). */
    static final String DEFAULT_TERM = "xterm-256color";

    private final ExecSettings settings;
    private final Function<SandboxKind, Optional<Sandbox>> sandboxes;
    private final Map<String, String> inheritedEnv;
    private final ProcessSignaller signaller;
    private final ProcessLauncher batch;
    private final ProcessLauncher pty;
    private final ScheduledExecutorService scheduler;
    private final Executor io;
    private final Ticker ticker;
    private final Logger log;
    private final Map<String, ExecSession> running = new ConcurrentHashMap<>();
    // Invocation ids from the moment start() accepts them (before the process exists) until their result.
    private final Set<String> reserved = ConcurrentHashMap.newKeySet();

    ExecService(ExecSettings settings, Function<SandboxKind, Optional<Sandbox>> sandboxes,
            Map<String, String> inheritedEnv, ProcessSignaller signaller, ProcessLauncher batch, ProcessLauncher pty,
            ScheduledExecutorService scheduler, Executor io, Ticker ticker, Logger log) {
        this.settings = settings;
        this.sandboxes = sandboxes;
        this.inheritedEnv = Map.copyOf(inheritedEnv);
        this.signaller = signaller;
        this.batch = batch;
        this.pty = pty;
        this.scheduler = scheduler;
        this.io = io;
        this.ticker = ticker;
        this.log = log;
    }

    @Override
    public RunningExec start(ExecSpec spec, Allowance allowance, OutputSink sink) throws ExecException {
        String id = spec.invocationId();
        if (!reserved.add(id)) {
            throw new ExecException(RejectReason.MALFORMED_REQUEST, id + " is already running", null);
        }
        try {
            return launch(spec, allowance, sink);
        } catch (ExecException | RuntimeException e) {
            reserved.remove(id);
            throw e;
        }
    }

    private RunningExec launch(ExecSpec spec, Allowance allowance, OutputSink sink) throws ExecException {
        WrappedCommand wrapped = wrap(spec, allowance);
        OutputCap cap = new OutputCap(allowance.maxOutputBytes()
                .orElse(spec.pty().isPresent() ? settings.ptyDefaultMaxOutput() : Long.MAX_VALUE));
        long startedNanos = ticker.nanoTime();
        LaunchedProcess launched;
        try {
            launched = spec.pty().isPresent() ? pty.launch(wrapped, spec.pty().get())
                    : batch.launch(wrapped, TerminalSize.DEFAULT);
        } catch (IOException e) {
            throw new ExecException("cannot start " + spec.argv().get(0) + ": " + e.getMessage(), e);
        }
        List<StreamPump> pumps = new ArrayList<>();
        launched.outputs().forEach((stream, in) -> pumps.add(pump(spec, stream, in, cap, sink)));
        pumps.sort((a, b) -> a.stream().compareTo(b.stream()));
        // A run leaves both sets before its result is visible, so running() never counts a finished run.
        ExecSession session = new ExecSession(spec, launched, wrapped.supervised(), pumps, cap, wrapped.warnings(),
                settings, allowance.timeoutMs(), signaller, scheduler, io, ticker, log, startedNanos, () -> {
                    running.remove(spec.invocationId());
                    reserved.remove(spec.invocationId());
                });
        running.put(spec.invocationId(), session);
        try {
            session.begin();
        } catch (IOException | RuntimeException e) {
            session.killNow("start failed");
            running.remove(spec.invocationId());
            throw new ExecException("cannot start " + spec.argv().get(0) + ": " + e.getMessage(), e);
        }
        log.info("{} started: pid {}, sandbox {}, {}{}", spec.invocationId(), session.pid(),
                allowance.sandbox().wire(), spec.pty().isPresent() ? "pty" : "batch",
                wrapped.supervised() ? " (supervised)" : "");
        return session;
    }

    @Override
    public int running() {
        return running.size();
    }

    /** Kills every run still going (no grace: the runtime is stopping) and waits for them up to {@code waitMs}. */
    void killAll(String reason, long waitMs) {
        List<CompletableFuture<?>> ends = new ArrayList<>();
        for (ExecSession session : running.values()) {
            log.warn("{}: killed, {}", session.invocationId(), reason);
            session.killNow(reason);
            ends.add(session.finishedFuture());
        }
        try {
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(waitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("{} run(s) did not finish within {} ms of being killed", running.size(), waitMs);
        } catch (ExecutionException e) {
            log.error("a run failed while being killed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private WrappedCommand wrap(ExecSpec spec, Allowance allowance) throws ExecException {
        SandboxKind kind = allowance.sandbox();
        Sandbox sandbox = sandboxes.apply(kind).orElseThrow(() -> new ExecException(RejectReason.SANDBOX_REQUIRED,
                "no " + kind.wire() + " sandbox is installed", null));
        Availability availability = sandbox.availability();
        if (!availability.available()) {
            throw new ExecException(RejectReason.SANDBOX_REQUIRED,
                    "sandbox " + kind.wire() + " unavailable: " + availability.reason(), null);
        }
        if (!Files.isDirectory(spec.cwd())) {
            throw new ExecException("working directory " + spec.cwd() + " does not exist", null);
        }
        Map<String, String> env;
        try {
            env = new TreeMap<>(ChildEnvironment.build(inheritedEnv, allowance.envAllowlist(), spec.env(),
                    spec.cwd().toString()));
        } catch (IllegalArgumentException e) {
            throw new ExecException(RejectReason.ENV_OVERRIDE_NOT_ALLOWED, e.getMessage(), e);
        }
        if (spec.pty().isPresent()) {
            env.putIfAbsent("TERM", DEFAULT_TERM);
        }
        LaunchMode mode = spec.pty().isPresent() ? LaunchMode.PTY : LaunchMode.BATCH;
        try {
            return sandbox.wrap(new LaunchSpec(spec.argv(), spec.cwd(), env, mode, allowance));
        } catch (SandboxException e) {
            throw new ExecException(e.rejectReason(), e.getMessage(), e);
        }
    }

    private StreamPump pump(ExecSpec spec, StreamName stream, java.io.InputStream in, OutputCap cap,
            OutputSink sink) {
        StreamSettings base = settings.stream();
        long budget = base.timelineBudgetBytes();
        StreamSettings chunking = new StreamSettings(base.maxChunkBytes(), base.interactiveFlush(), base.batchFlush(),
                spec.chunkBudget(budget));
        StreamChunker chunker = new StreamChunker(spec.invocationId(), stream, spec.interactive(), chunking,
                sink.pacer(), ticker);
        StreamLog streamLog = new StreamLog(spec.invocationId(), stream, spec.artifactThreshold(budget),
                settings.spoolDir(), settings.zstdLevel(), settings.tailBytes());
        return new StreamPump(stream, in, chunker, streamLog, cap, sink, scheduler, ticker, log);
    }
}
