package org.mxagent.workflow.api;

/** A task operation that was refused or failed; the message is meant for the operator as it is. */
public class WorkflowException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, so callers (IPC, Gogo) can pick an exit code. */
    public enum Kind { INVALID, NOT_FOUND, FAILED }

    private final Kind kind;

    public WorkflowException(Kind kind, String message) {
        this(kind, message, null);
    }

    public WorkflowException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
