package org.mxagent.terminal.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ExecCancelled;
import org.mxagent.protocol.api.event.ExecFinished;

/**
 * How a run ended.
 *
 * @param exitCode     the exit status, or null when the process died of a signal
 * @param signal       the signal's name ({@code SIGKILL}) when it died of one, else null
 * @param durationMs   from spawn to the exit of the started process
 * @param stdoutBytes  output bytes kept (sent or spooled) of stdout, or of the PTY
 * @param stderrBytes  output bytes kept of stderr (0 on a PTY)
 * @param truncated    output went past {@code max_output_bytes} and the rest was dropped
 * @param droppedBytes how much was dropped past the cap
 * @param signalSent   the first signal the runtime sent (cancel or timeout), if any
 * @param killedProcessGroup the stop reached the whole process group / tree, not just one process
 * @param artifacts    full logs of the streams that went past the timeline budget; the caller deletes them
 * @param coalescedFlushes flushes merged into larger chunks under send pressure (all streams)
 * @param warnings     what the sandbox said about this run (e.g. no isolation)
 */
public record ExecResult(String invocationId, Integer exitCode, String signal, long durationMs, long stdoutBytes,
        long stderrBytes, boolean truncated, long droppedBytes, Termination termination,
        Optional<String> cancelReason, Optional<String> signalSent, boolean killedProcessGroup, Instant finishedAt,
        List<SpooledLog> artifacts, long coalescedFlushes, List<String> warnings) {

    public ExecResult {
        Objects.requireNonNull(invocationId, "invocationId");
        if ((exitCode == null) == (signal == null)) {
            throw new IllegalArgumentException("exactly one of exitCode and signal must be set");
        }
        Objects.requireNonNull(termination, "termination");
        Objects.requireNonNull(cancelReason, "cancelReason");
        Objects.requireNonNull(signalSent, "signalSent");
        Objects.requireNonNull(finishedAt, "finishedAt");
        artifacts = List.copyOf(artifacts);
        warnings = List.copyOf(warnings);
    }

    /** The unsigned {@code exec.finished}; {@code artifactMxc} may be null. */
    public ExecFinished toExecFinished(String artifactMxc) {
        return new ExecFinished(invocationId, exitCode, signal, durationMs, stdoutBytes, stderrBytes, truncated,
                artifactMxc, Optional.empty(), Map.of());
    }

    /** The unsigned {@code exec.cancelled}, for a run stopped by {@link RunningExec#cancel}. */
    public Optional<ExecCancelled> toExecCancelled() {
        if (termination != Termination.CANCELLED) {
            return Optional.empty();
        }
        return Optional.of(new ExecCancelled(invocationId, signalSent.orElse("SIGTERM"), killedProcessGroup,
                Timestamps.seconds(finishedAt), Optional.empty(), Map.of()));
    }

    /** The CLI's exit code (protocol.md §2.10): the exit status, or 128+N for a death by signal N. */
    public int cliExitCode() {
        return exitCode != null ? exitCode : 128 + Signals.number(signal).orElse(0);
    }
}
