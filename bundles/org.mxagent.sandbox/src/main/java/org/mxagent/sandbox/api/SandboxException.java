package org.mxagent.sandbox.api;

import org.mxagent.protocol.api.event.RejectReason;

/**
 * The sandbox the allowance asks for cannot be set up: its backend is missing or unavailable, or it cannot
 * enforce a requested limit or bind. The command must not run; a remote request is answered with
 * {@link RejectReason#SANDBOX_REQUIRED}.
 */
public final class SandboxException extends Exception {
    private static final long serialVersionUID = 1L;

    public SandboxException(String message) {
        super(message);
    }

    /** The {@code exec.rejected.reason} for a request that failed this way. */
    public RejectReason rejectReason() {
        return RejectReason.SANDBOX_REQUIRED;
    }
}
