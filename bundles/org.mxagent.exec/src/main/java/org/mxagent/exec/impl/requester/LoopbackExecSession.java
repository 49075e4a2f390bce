package org.mxagent.exec.impl.requester;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mxagent.exec.impl.wire.SerialQueue;
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
import org.mxagent.terminal.api.stream.ChunkPayload;
import org.mxagent.terminal.api.stream.ReassemblyReport;

/**
 * An exec without a room (no {@code --room}/{@code --agent}): runs here through {@link LocalExec} with the loopback
 * allowance (the same floor as a remote run: sandbox, network, binds, environment scrub, timeout), unsigned, with
 * the same frames and result as a remote exec. Output past the timeline budget comes from the local spool file.
 */
public final class LoopbackExecSession extends Session implements OutputSink {
    private final RequesterServices services;
    private final LocalExec exec;
    private final ExecSpec spec;
    private final Allowance allowance;
    private final SerialQueue input;
    private final Map<StreamName, StreamTally> tallies = new EnumMap<>(StreamName.class);
    private volatile RunningExec running;
    private volatile String phase = "starting";

    public LoopbackExecSession(RequesterServices services, LocalExec exec, ExecSpec spec, Allowance allowance) {
        super(spec.invocationId(), "exec", Optional.empty(), Optional.empty(), new FrameBuffer(services.bufferBytes()),
                services.clock().instant());
        this.services = services;
        this.exec = exec;
        this.spec = spec;
        this.allowance = allowance;
        this.input = new SerialQueue(services.pool(), services.log(), "loopback stdin " + spec.invocationId(), false);
    }

    public void start() {
        services.sessions().add(this);
        ObjectNode started = Frames.event("started");
        started.put("invocation_id", invocationId());
        started.put("mode", "loopback");
        frames().offer(started, 0);
        try {
            RunningExec process = exec.start(spec, allowance, this);
            running = process;
            phase = "running";
            frames().offer(Frames.event("accepted"), 0);
            process.onFinished().whenComplete((result, failure) ->
                    services.pool().execute(() -> finish(result, failure)));
        } catch (ExecException e) {
            if (e.rejectReason().isPresent()) {
                end(ExecResults.rejected(invocationId(), e.rejectReason().get().wire()));
            } else {
                ObjectNode result = ExecResults.base(invocationId(), "not_started", ExitCodes.NOT_STARTED);
                result.put("message", "cannot start the command: " + e.getMessage());
                end(result);
            }
        }
    }

    /** Registers the session already finished: refused before anything ran (e.g. {@code sandbox_required}). */
    public void refuse(String reason) {
        services.sessions().add(this);
        end(ExecResults.rejected(invocationId(), reason));
    }

    @Override
    public void chunk(StreamChunk chunk) {
        Optional<byte[]> bytes = ChunkPayload.decode(chunk);
        if (bytes.isEmpty() || bytes.get().length == 0) {
            return;
        }
        byte[] data = bytes.get();
        tally(chunk.stream()).add(data, 0, data.length);
        frames().offer(Frames.data(chunk.stream(), data, 0, data.length), data.length);
    }

    @Override
    public void stdin(byte[] data, boolean eof) throws DeskException {
        if (!spec.stdin()) {
            throw new DeskException(DeskException.Kind.INVALID, "this exec was started without stdin");
        }
        byte[] copy = data.clone();
        input.submit(() -> write(copy, eof));
    }

    @Override
    public boolean cancel(String reason) {
        RunningExec process = running;
        return process != null && process.cancel(reason);
    }

    @Override
    public void resize(int rows, int cols) throws DeskException {
        RunningExec process = running;
        if (process == null || spec.pty().isEmpty()) {
            throw new DeskException(DeskException.Kind.INVALID, "this exec has no running PTY");
        }
        try {
            process.resize(TerminalSize.of(rows, cols));
        } catch (IOException | IllegalArgumentException e) {
            throw new DeskException(DeskException.Kind.INVALID, "resize failed: " + e.getMessage(), e);
        }
    }

    @Override
    protected String phase() {
        return phase;
    }

    private synchronized StreamTally tally(StreamName stream) {
        return tallies.computeIfAbsent(stream, s -> new StreamTally());
    }

    private void write(byte[] data, boolean eof) {
        RunningExec process = running;
        if (process == null) {
            return;
        }
        try {
            if (data.length > 0) {
                process.writeStdin(data);
            }
            if (eof) {
                process.closeStdin();
            }
        } catch (IOException | IllegalStateException e) {
            services.log().info("loopback {}: input not delivered: {}", invocationId(), e.getMessage());
        }
    }

    private void finish(ExecResult result, Throwable failure) {
        if (failure != null) {
            services.log().error("loopback {}: the run failed internally", invocationId(), failure);
            ObjectNode failed = ExecResults.base(invocationId(), "failed", ExitCodes.FAILURE);
            failed.put("message", "the run failed inside the runtime: " + failure.getMessage());
            end(failed);
            return;
        }
        phase = "finishing";
        List<ArtifactTail.Report> reports = new ArrayList<>();
        for (SpooledLog spooled : result.artifacts()) {
            reports.add(tail(spooled));
        }
        ReassemblyReport local = new ReassemblyReport(0, 0, 0, 0, 0, 0, false, false);
        end(ExecResults.finished(invocationId(), result.toExecFinished(null), local, reports, false, 0));
    }

    private ArtifactTail.Report tail(SpooledLog spooled) {
        try {
            return ArtifactTail.emit(spooled.stream(), new ZstdInputStream(Files.newInputStream(spooled.file())),
                    tally(spooled.stream()), frames(), services.maxArtifactBytes());
        } catch (IOException e) {
            return new ArtifactTail.Report(spooled.stream(), 0, 0, Optional.of("cannot read the spooled log: "
                    + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ArtifactTail.Report(spooled.stream(), 0, 0, Optional.of("interrupted"));
        } finally {
            try {
                spooled.delete();
            } catch (IOException e) {
                services.log().warn("loopback {}: cannot delete {}: {}", invocationId(), spooled.file(),
                        e.getMessage());
            }
        }
    }

    private void end(ObjectNode result) {
        phase = "done";
        frames().finish(result);
        services.sessions().retire(this);
    }
}
