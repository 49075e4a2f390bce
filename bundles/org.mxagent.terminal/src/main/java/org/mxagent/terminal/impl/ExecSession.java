package org.mxagent.terminal.impl;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mxagent.terminal.api.ExecResult;
import org.mxagent.terminal.api.ExecSpec;
import org.mxagent.terminal.api.RunningExec;
import org.mxagent.terminal.api.SpooledLog;
import org.mxagent.terminal.api.TerminalSize;
import org.mxagent.terminal.api.Termination;
import org.mxagent.terminal.api.stream.Ticker;
import org.osgi.service.log.Logger;

/**
 * One run from spawn to result: stdin, resize, the timeout and cancel sequence (SIGTERM, grace, SIGKILL), and
 * the end: once the started process exited and its output reached EOF (or stragglers holding it were killed after
 * the drain time), every stream is flushed and the result completes.
 */
final class ExecSession implements RunningExec {
    private final ExecSpec spec;
    private final LaunchedProcess launched;
    private final Optional<ProcessHandle> leader;
    private final boolean supervised;
    private final List<StreamPump> pumps;
    private final OutputCap cap;
    private final List<String> warnings;
    private final ExecSettings settings;
    private final long timeoutMs;
    private final ProcessSignaller signaller;
    private final ScheduledExecutorService scheduler;
    private final Executor io;
    private final Ticker ticker;
    private final Logger log;
    private final long startedNanos;
    private final Runnable onDone;
    private final CompletableFuture<ExecResult> finished = new CompletableFuture<>();
    private final Object stdinLock = new Object();
    // Held while signals are being sent, so the result (built once the process died of them) sees their outcome.
    private final Object signalLock = new Object();

    // Guarded by this.
    private Termination termination;
    private String cancelReason;
    private String signalSent;
    private boolean killedProcessGroup;
    private boolean exited;
    private ScheduledFuture<?> timeoutTask;
    private ScheduledFuture<?> killTask;
    private boolean stdinClosed;

    ExecSession(ExecSpec spec, LaunchedProcess launched, boolean supervised, List<StreamPump> pumps, OutputCap cap,
            List<String> warnings, ExecSettings settings, long timeoutMs, ProcessSignaller signaller,
            ScheduledExecutorService scheduler, Executor io, Ticker ticker, Logger log, long startedNanos,
            Runnable onDone) {
        this.spec = spec;
        this.launched = launched;
        this.leader = ProcessHandle.of(launched.process().pid());
        this.supervised = supervised;
        this.pumps = List.copyOf(pumps);
        this.cap = cap;
        this.warnings = List.copyOf(warnings);
        this.settings = settings;
        this.timeoutMs = timeoutMs;
        this.signaller = signaller;
        this.scheduler = scheduler;
        this.io = io;
        this.ticker = ticker;
        this.log = log;
        this.startedNanos = startedNanos;
        this.onDone = onDone;
    }

    /** Starts reading, arms the timeout and waits for the exit; closes stdin at once when none was asked for. */
    void begin() throws IOException {
        if (!spec.stdin()) {
            synchronized (stdinLock) {
                stdinClosed = true;
                if (!launched.isPty()) {
                    launched.input().close();
                }
            }
        }
        for (StreamPump pump : pumps) {
            io.execute(pump);
        }
        synchronized (this) {
            timeoutTask = scheduler.schedule(this::timedOut, timeoutMs, TimeUnit.MILLISECONDS);
        }
        launched.process().onExit().whenCompleteAsync((process, error) -> leaderExited(), io);
    }

    @Override
    public String invocationId() {
        return spec.invocationId();
    }

    @Override
    public long pid() {
        return launched.process().pid();
    }

    @Override
    public void writeStdin(byte[] data) throws IOException {
        synchronized (stdinLock) {
            if (!spec.stdin()) {
                throw new IllegalStateException("this run was started without stdin");
            }
            if (stdinClosed) {
                throw new IllegalStateException("stdin is closed");
            }
            OutputStream input = launched.input();
            input.write(data);
            input.flush();
        }
    }

    @Override
    public void closeStdin() throws IOException {
        synchronized (stdinLock) {
            if (stdinClosed) {
                return;
            }
            stdinClosed = true;
            if (!launched.isPty()) {
                // On a PTY the master stays open: closing it would hang up the terminal, not send EOF.
                launched.input().close();
            }
        }
    }

    @Override
    public void resize(TerminalSize size) throws IOException {
        if (!launched.isPty()) {
            throw new IllegalStateException("not a PTY run: nothing to resize");
        }
        launched.resize(size);
    }

    @Override
    public boolean cancel(String reason) {
        return stop(Termination.CANCELLED, reason);
    }

    @Override
    public CompletionStage<ExecResult> onFinished() {
        return finished.minimalCompletionStage();
    }

    /** Kills at once (runtime shutting down): SIGKILL to everything, no grace. */
    void killNow(String reason) {
        stop(Termination.CANCELLED, reason);
        kill();
    }

    CompletableFuture<ExecResult> finishedFuture() {
        return finished;
    }

    private void timedOut() {
        if (stop(Termination.TIMED_OUT, null)) {
            log.warn("{} timed out after {} ms", spec.invocationId(), timeoutMs);
        }
    }

    private boolean stop(Termination how, String reason) {
        synchronized (this) {
            if (termination != null || exited) {
                return false;
            }
            termination = how;
            cancelReason = reason;
            signalSent = "SIGTERM";
        }
        synchronized (signalLock) {
            boolean group = leader.map(l -> signaller.terminate(l, supervised))
                    .orElseGet(() -> signaller.signalGroup(launched.process().pid(), "TERM"));
            synchronized (this) {
                killedProcessGroup |= group;
                if (!exited) {
                    killTask = scheduler.schedule(this::kill, settings.cancelGrace().toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }
        }
        return true;
    }

    private void kill() {
        synchronized (this) {
            if (exited) {
                return;
            }
        }
        synchronized (signalLock) {
            boolean group = leader.map(signaller::kill)
                    .orElseGet(() -> signaller.signalGroup(launched.process().pid(), "KILL"));
            synchronized (this) {
                killedProcessGroup |= group;
            }
        }
    }

    private void leaderExited() {
        long durationMs = TimeUnit.NANOSECONDS.toMillis(ticker.nanoTime() - startedNanos);
        int exitValue = launched.process().exitValue();
        synchronized (this) {
            exited = true;
            cancel(timeoutTask);
            cancel(killTask);
        }
        CompletableFuture<Void> outputs = CompletableFuture.allOf(
                pumps.stream().map(StreamPump::ended).toArray(CompletableFuture[]::new));
        outputs.orTimeout(settings.drain().toMillis(), TimeUnit.MILLISECONDS).handleAsync((done, error) -> {
            if (error != null) {
                killStragglers(outputs);
            }
            complete(durationMs, exitValue);
            return null;
        }, io);
    }

    /**
     * The started process is gone but something still holds its output open: what is left of its process group
     * (or a daemonized child) is killed, and given one more drain period to let go.
     */
    private void killStragglers(CompletableFuture<Void> outputs) {
        log.warn("{}: output still open {} ms after the process exited; killing its process group",
                spec.invocationId(), settings.drain().toMillis());
        signaller.signalGroup(launched.process().pid(), "KILL");
        try {
            outputs.get(settings.drain().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("{}: output still open after killing the group; finishing without it", spec.invocationId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.error("{}: output reader failed", spec.invocationId(), e);
        }
    }

    private void complete(long durationMs, int exitValue) {
        try {
            List<SpooledLog> artifacts = new ArrayList<>();
            List<String> notes = new ArrayList<>(warnings);
            long stdout = 0;
            long stderr = 0;
            long coalesced = 0;
            for (StreamPump pump : pumps) {
                PumpResult result = pump.finish();
                result.artifact().ifPresent(artifacts::add);
                notes.addAll(result.problems());
                coalesced += result.coalescedFlushes();
                switch (result.stream()) {
                    case STDERR -> stderr += result.keptBytes();
                    default -> stdout += result.keptBytes();
                }
            }
            ExitStatus status = ExitStatus.of(exitValue);
            ExecResult result;
            synchronized (signalLock) {
                synchronized (this) {
                    result = new ExecResult(spec.invocationId(), status.exitCode(), status.signal(), durationMs,
                            stdout, stderr, cap.truncated(), cap.dropped(),
                            termination == null ? Termination.EXITED : termination,
                            Optional.ofNullable(cancelReason), Optional.ofNullable(signalSent), killedProcessGroup,
                            ticker.now(), artifacts, coalesced, notes);
                }
            }
            onDone.run();
            finished.complete(result);
        } catch (RuntimeException e) {
            log.error("{}: cannot assemble the result", spec.invocationId(), e);
            onDone.run();
            finished.completeExceptionally(e);
        }
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    @Override
    public String toString() {
        return "ExecSession[" + spec.invocationId() + ", pid " + pid() + "]";
    }
}
