package org.mxagent.terminal.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.event.ExecRequest;

/**
 * What to run, as requested (policy has already allowed it).
 *
 * @param invocationId the {@code inv_…} id chunks and results carry
 * @param argv         the command; argv[0] first
 * @param cwd          absolute working directory
 * @param env          the request's environment overrides (checked again against the allowance)
 * @param stdin        whether the caller will send input; without it a batch child's stdin is closed at once
 * @param pty          run on a PTY of this initial size; empty for batch mode with separate stdout/stderr pipes
 * @param stream       output goes out live as chunks (the request's {@code stream}); false: the chunks carry only
 *                     each stream's EOF marker and the whole output goes to the artifact (since 1.1)
 */
public record ExecSpec(String invocationId, List<String> argv, Path cwd, Map<String, String> env, boolean stdin,
        Optional<TerminalSize> pty, boolean stream) {
    public ExecSpec {
        Objects.requireNonNull(invocationId, "invocationId");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
        Objects.requireNonNull(cwd, "cwd");
        if (!cwd.isAbsolute()) {
            throw new IllegalArgumentException("cwd must be absolute: " + cwd);
        }
        env = Map.copyOf(env);
        Objects.requireNonNull(pty, "pty");
    }

    /** A streamed run (as before 1.1). */
    public ExecSpec(String invocationId, List<String> argv, Path cwd, Map<String, String> env, boolean stdin,
            Optional<TerminalSize> pty) {
        this(invocationId, argv, cwd, env, stdin, pty, true);
    }

    /** A batch run without input. */
    public static ExecSpec batch(String invocationId, List<String> argv, Path cwd) {
        return new ExecSpec(invocationId, argv, cwd, Map.of(), false, Optional.empty());
    }

    /** The spec of a received {@code exec.request}; a PTY starts at {@link TerminalSize#DEFAULT}. */
    public static ExecSpec of(ExecRequest request) {
        return new ExecSpec(request.invocationId(), request.command(), Path.of(request.cwd()), request.env(),
                request.stdin(), request.pty() ? Optional.of(TerminalSize.DEFAULT) : Optional.empty(),
                request.stream());
    }

    /**
     * Someone is at the other end (a PTY, or input being sent): output is flushed every 50 ms and at newlines
     * instead of every 250 ms.
     */
    public boolean interactive() {
        return pty.isPresent() || stdin;
    }

    /**
     * Bytes of a stream sent as chunks, given the timeline budget: none without {@link #stream()}; all of a PTY's
     * (someone is at the terminal: it must stay live, and the artifact past the budget is only a record); else the
     * budget (past it the artifact carries the rest) (since 1.1).
     */
    public long chunkBudget(long timelineBudget) {
        if (!stream) {
            return 0;
        }
        return pty.isPresent() ? Long.MAX_VALUE : timelineBudget;
    }

    /** Bytes of a stream kept in memory before the whole log is spooled for an artifact (since 1.1). */
    public long artifactThreshold(long timelineBudget) {
        return stream ? timelineBudget : 0;
    }
}
