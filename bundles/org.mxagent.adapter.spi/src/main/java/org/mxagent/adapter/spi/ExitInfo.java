package org.mxagent.adapter.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the agent's process ended, as the parser sees it.
 *
 * @param exitCode         the exit status, empty when it died of a signal
 * @param signal           the signal's name when it died of one
 * @param cancelled        the run was cancelled
 * @param timedOut         the run hit its time limit
 * @param outputIncomplete not all output reached the parser (it went past the stream budget or the output cap)
 */
public record ExitInfo(OptionalInt exitCode, Optional<String> signal, boolean cancelled, boolean timedOut,
        boolean outputIncomplete) {
    public ExitInfo {
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(signal, "signal");
    }

    /** Exited normally with status 0, neither cancelled nor timed out. */
    public boolean succeeded() {
        return exitCode.isPresent() && exitCode.getAsInt() == 0 && !cancelled && !timedOut;
    }

    /** "exit 3", "signal SIGKILL", "cancelled", "timed out". */
    public String describe() {
        if (cancelled) {
            return "cancelled";
        }
        if (timedOut) {
            return "timed out";
        }
        return exitCode.isPresent() ? "exit " + exitCode.getAsInt() : "signal " + signal.orElse("?");
    }
}
