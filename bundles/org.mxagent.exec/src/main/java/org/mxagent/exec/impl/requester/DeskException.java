package org.mxagent.exec.impl.requester;

/** An exec, call or invocation operation that could not be done; {@link #kind} maps to the CLI's exit code. */
public final class DeskException extends Exception {
    private static final long serialVersionUID = 1L;

    /** NOT_LOGGED_IN and NOT_FOUND: exit 3; INVALID: 64; FAILED: 1. */
    public enum Kind {
        NOT_LOGGED_IN,
        NOT_FOUND,
        INVALID,
        FAILED
    }

    private final Kind kind;

    public DeskException(Kind kind, String message) {
        this(kind, message, null);
    }

    public DeskException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
