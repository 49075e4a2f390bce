package org.mxagent.approval.api;

/** An operator action on a hold failed; the message says why (no such hold, not logged in, …). */
public class ApprovalException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean notFound;

    public ApprovalException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public ApprovalException(String message, Throwable cause) {
        super(message, cause);
        this.notFound = false;
    }

    /** True when the hold does not exist (any more). */
    public boolean notFound() {
        return notFound;
    }
}
