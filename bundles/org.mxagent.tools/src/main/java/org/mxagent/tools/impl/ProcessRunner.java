package org.mxagent.tools.impl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
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
import org.mxagent.terminal.api.stream.ChunkPayload;
import org.mxagent.tool.spi.ToolException;

/**
 * Runs a tool's process through {@link LocalExec} under the call's allowance (sandbox, network, environment,
 * timeout): a tool never runs anything with less confinement than a plain exec. Keeps the first
 * {@code keepBytes} of stdout and of stderr, and the last bytes of both together (what a test run's failure
 * looks like). Output past the terminal's timeline budget is only in the spooled log, whose tail preview is
 * used instead; the spool files are deleted.
 */
final class ProcessRunner {
    private final LocalExec exec;

    ProcessRunner(LocalExec exec) {
        this.exec = exec;
    }

    /**
     * What a finished process left.
     *
     * @param keptAll   stdout and stderr are complete (nothing past {@code keepBytes}, nothing spooled or capped)
     * @param tailWhole the tail holds the whole output
     */
    record Outcome(ExecResult result, byte[] stdout, byte[] stderr, String tail, boolean keptAll, boolean tailWhole) {}

    Outcome run(String invocationId, List<String> argv, Path cwd, Allowance allowance, int keepBytes, int tailBytes)
            throws ToolException, InterruptedException {
        Collector sink = new Collector(keepBytes, tailBytes);
        RunningExec running;
        try {
            running = exec.start(new ExecSpec(invocationId, argv, cwd, Map.of(), false, Optional.empty()), allowance,
                    sink);
        } catch (ExecException e) {
            ToolException.Kind kind = e.rejectReason().isPresent() ? ToolException.Kind.DENIED
                    : ToolException.Kind.FAILED;
            throw new ToolException(kind, "cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        }
        ExecResult result;
        try {
            result = running.onFinished().toCompletableFuture().get();
        } catch (InterruptedException e) {
            running.cancel("tool call interrupted");
            throw e;
        } catch (ExecutionException e) {
            throw new ToolException(ToolException.Kind.FAILED, argv.get(0) + " failed inside the runtime: "
                    + e.getCause(), e.getCause());
        }
        String tail = sink.tail();
        boolean spooled = !result.artifacts().isEmpty();
        for (SpooledLog log : result.artifacts()) {
            tail = log.tailPreview();
            try {
                log.delete();
            } catch (IOException e) {
                throw new ToolException(ToolException.Kind.FAILED, "cannot delete the spool file " + log.file()
                        + ": " + e.getMessage(), e);
            }
        }
        boolean complete = !spooled && !result.truncated();
        return new Outcome(result, sink.stdout(), sink.stderr(), tail, complete && !sink.overflowed(),
                complete && sink.total() <= tailBytes);
    }

    /** Collects output; called from reader threads, so synchronized. */
    private static final class Collector implements OutputSink {
        private final int keep;
        private final int tailBytes;
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private byte[] tail = new byte[0];
        private boolean overflowed;
        private long total;

        Collector(int keep, int tailBytes) {
            this.keep = keep;
            this.tailBytes = tailBytes;
        }

        @Override
        public synchronized void chunk(StreamChunk chunk) {
            byte[] data = ChunkPayload.decode(chunk).orElse(new byte[0]);
            ByteArrayOutputStream target = chunk.stream() == StreamName.STDERR ? stderr : stdout;
            int room = Math.max(0, keep - target.size());
            target.write(data, 0, Math.min(room, data.length));
            overflowed |= data.length > room;
            total += data.length;
            byte[] joined = new byte[Math.min(tailBytes, tail.length + data.length)];
            int fromOld = joined.length - Math.min(joined.length, data.length);
            System.arraycopy(tail, tail.length - fromOld, joined, 0, fromOld);
            System.arraycopy(data, data.length - (joined.length - fromOld), joined, fromOld, joined.length - fromOld);
            tail = joined;
        }

        synchronized byte[] stdout() {
            return stdout.toByteArray();
        }

        synchronized byte[] stderr() {
            return stderr.toByteArray();
        }

        synchronized String tail() {
            return new String(tail, java.nio.charset.StandardCharsets.UTF_8);
        }

        synchronized boolean overflowed() {
            return overflowed;
        }

        synchronized long total() {
            return total;
        }
    }
}
