package org.mxagent.exec.api;

import java.util.Objects;
import java.util.Optional;

/**
 * How a remote exec ended, as {@code mx-agent exec} reports it (specs/exec.md).
 *
 * @param outcome         {@link #EXITED}, {@link #SIGNALLED}, {@link #REJECTED}, {@link #TIMEOUT},
 *                        {@link #INTEGRITY} or another failure such as {@code runtime_stopped}
 * @param exitCode        the remote process's exit code; null unless it exited
 * @param signal          the signal that ended it (e.g. {@code SIGTERM}); null if none
 * @param rejectedReason  the {@code exec.rejected} reason code ({@code policy_denied}, {@code untrusted_key}, …)
 * @param truncated       whether the target cut the output at its budget
 * @param tail            the last few hundred characters of stdout (UTF-8, stripped)
 * @param message         a human explanation for failures; empty string when it just exited
 */
public record RemoteExecResult(String outcome, Integer exitCode, String signal, Optional<String> rejectedReason,
        boolean truncated, String tail, String message) {
    public static final String EXITED = "exited";
    public static final String SIGNALLED = "signalled";
    public static final String REJECTED = "rejected";
    public static final String TIMEOUT = "timeout";
    public static final String INTEGRITY = "integrity";

    public RemoteExecResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(rejectedReason, "rejectedReason");
        Objects.requireNonNull(tail, "tail");
        Objects.requireNonNull(message, "message");
    }
}
