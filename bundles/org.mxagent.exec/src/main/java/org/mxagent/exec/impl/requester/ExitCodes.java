package org.mxagent.exec.impl.requester;

import org.mxagent.terminal.api.Signals;

/**
 * The CLI's exit code for an exec or call (specs/exec.md): the remote exit code as is, 128+N for a death by
 * signal N, and distinct codes for what is not a process exit.
 */
public final class ExitCodes {
    public static final int FAILURE = 1;
    /** The target accepted the request but could not start the command (missing directory, spawn failure). */
    public static final int NOT_STARTED = 127;
    /** The requester gave up: no final answer within the timeout + 30 s (a signed cancel was sent). */
    public static final int TIMEOUT = 129;
    /** --strict-stream: a chunk was lost, failed its sha256, or an artifact failed verification. */
    public static final int INTEGRITY = 132;
    /** The target's policy refused the request. */
    public static final int POLICY_DENIED = 160;
    /** The target refused the request for any other reason (trust, signature, target, malformed). */
    public static final int REJECTED = 161;

    private ExitCodes() {}

    /** 160 for a refusal by the target's policy, 161 for every other rejection code (known or not). */
    public static int forRejection(String reason) {
        return switch (reason) {
            case "policy_denied", "sandbox_required", "env_override_not_allowed", "approval_denied",
                    "approval_expired", "unverified_device" -> POLICY_DENIED;
            default -> REJECTED;
        };
    }

    /** The exit status (0–255), or 128+N for signal N (128 for a signal this runtime cannot name). */
    public static int forExit(Integer exitCode, String signal) {
        if (exitCode != null) {
            return exitCode >= 0 && exitCode <= 255 ? exitCode : 255;
        }
        return 128 + (signal == null ? 0 : Signals.number(signal).orElse(0));
    }
}
