package org.mxagent.exec.impl.testing;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mxagent.policy.api.Allowance;
import org.mxagent.terminal.api.ExecException;
import org.mxagent.terminal.api.ExecResult;
import org.mxagent.terminal.api.ExecSpec;
import org.mxagent.terminal.api.LocalExec;
import org.mxagent.terminal.api.OutputSink;
import org.mxagent.terminal.api.RunningExec;
import org.mxagent.terminal.api.TerminalSize;
import org.mxagent.terminal.api.Termination;

/** A {@link LocalExec} whose runs do nothing until the test finishes them. */
public final class FakeExec implements LocalExec {
    public final List<Run> runs = new CopyOnWriteArrayList<>();
    private ExecException refusal;

    /** The next start fails with this. */
    public void refuseNext(ExecException e) {
        refusal = e;
    }

    @Override
    public RunningExec start(ExecSpec spec, Allowance allowance, OutputSink sink) throws ExecException {
        if (refusal != null) {
            ExecException e = refusal;
            refusal = null;
            throw e;
        }
        Run run = new Run(spec, allowance, sink);
        runs.add(run);
        return run;
    }

    @Override
    public int running() {
        return runs.size();
    }

    public static final class Run implements RunningExec {
        public final ExecSpec spec;
        public final Allowance allowance;
        public final OutputSink sink;
        public final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        public final List<String> cancels = new CopyOnWriteArrayList<>();
        public final List<TerminalSize> sizes = new CopyOnWriteArrayList<>();
        public volatile boolean stdinClosed;
        private final CompletableFuture<ExecResult> finished = new CompletableFuture<>();

        Run(ExecSpec spec, Allowance allowance, OutputSink sink) {
            this.spec = spec;
            this.allowance = allowance;
            this.sink = sink;
        }

        public void exit(int code) {
            finished.complete(new ExecResult(spec.invocationId(), code, null, 5, 0, 0, false, 0, Termination.EXITED,
                    Optional.empty(), Optional.empty(), false, Instant.now(), List.of(), 0, List.of()));
        }

        public void cancelled() {
            finished.complete(new ExecResult(spec.invocationId(), null, "SIGTERM", 5, 0, 0, false, 0,
                    Termination.CANCELLED, Optional.of("caller_cancelled"), Optional.of("SIGTERM"), true, Instant.now(),
                    List.of(), 0, List.of()));
        }

        @Override
        public String invocationId() {
            return spec.invocationId();
        }

        @Override
        public long pid() {
            return 4242;
        }

        @Override
        public synchronized void writeStdin(byte[] data) {
            stdin.writeBytes(data);
        }

        @Override
        public void closeStdin() {
            stdinClosed = true;
        }

        @Override
        public void resize(TerminalSize size) {
            sizes.add(size);
        }

        @Override
        public boolean cancel(String reason) {
            cancels.add(reason);
            return true;
        }

        @Override
        public CompletionStage<ExecResult> onFinished() {
            return finished;
        }
    }
}
