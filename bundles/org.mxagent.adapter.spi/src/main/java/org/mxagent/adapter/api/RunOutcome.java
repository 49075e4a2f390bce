package org.mxagent.adapter.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.adapter.spi.ExitInfo;
import org.mxagent.adapter.spi.Progress;

/**
 * How an agent run ended.
 *
 * @param terminal the RESULT or ERROR event that ended it
 * @param usage    the last usage the agent reported, if any
 * @param exit     how the process ended
 * @param warnings what the sandbox said about the run (e.g. no isolation)
 */
public record RunOutcome(String id, String adapter, Progress terminal, Optional<Progress.Usage> usage,
        ExitInfo exit, long durationMs, List<String> warnings) {
    public RunOutcome {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(terminal, "terminal");
        if (!terminal.terminal()) {
            throw new IllegalArgumentException("not a terminal event: " + terminal.kind());
        }
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(exit, "exit");
        warnings = List.copyOf(warnings);
    }

    public boolean succeeded() {
        return terminal.kind() == Progress.Kind.RESULT;
    }
}
