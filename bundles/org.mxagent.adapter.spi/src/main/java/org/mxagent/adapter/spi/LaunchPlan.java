package org.mxagent.adapter.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start the agent. The runner hands this to {@code LocalExec}; policy still decides: {@code env} names must
 * be in the allowance's {@code env_allowlist} (secrets never pass: give agents credentials through their own login
 * store or settings, see docs/adapters.md).
 *
 * @param argv           the command, argv[0] first (an absolute path is best: detection already found it)
 * @param cwd            absolute working directory
 * @param env            environment overrides on top of the policy-built child environment
 * @param pty            run on a PTY of {@code rows}x{@code cols} (e.g. for a full-screen agent); empty: batch
 * @param stdinText      text written to the agent's stdin, which is then closed (e.g. the prompt); empty: no stdin
 * @param interrupt      how to cancel: bytes written first (e.g. {@code "\u0003"} on a PTY) and how long to wait
 *                       before the runner's SIGTERM/SIGKILL of the whole process group; empty: signal at once
 */
public record LaunchPlan(List<String> argv, Path cwd, Map<String, String> env, Optional<PtySize> pty,
        Optional<String> stdinText, Optional<Interrupt> interrupt) {
    public LaunchPlan {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
        Objects.requireNonNull(cwd, "cwd");
        env = Map.copyOf(env);
        Objects.requireNonNull(pty, "pty");
        Objects.requireNonNull(stdinText, "stdinText");
        Objects.requireNonNull(interrupt, "interrupt");
    }

    /** A batch launch without stdin, env overrides or a special interrupt. */
    public static LaunchPlan batch(List<String> argv, Path cwd) {
        return new LaunchPlan(argv, cwd, Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A terminal size. */
    public record PtySize(int rows, int cols) {
        public PtySize {
            if (rows <= 0 || cols <= 0) {
                throw new IllegalArgumentException("rows and cols must be positive");
            }
        }
    }

    /** Input that asks the agent to stop, and how long it gets before it is signalled. */
    public record Interrupt(String input, Duration grace) {
        public Interrupt {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(grace, "grace");
        }
    }
}
