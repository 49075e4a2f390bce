package org.mxagent.context.api;

import java.util.Objects;

/** A context operation failed; {@link #kind} tells callers how to report it. */
public class ContextException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, coarsely (specs/context.md maps each to a CLI exit code). */
    public enum Kind {
        /** No Matrix session: log in first. */
        NOT_LOGGED_IN,
        /** No such share (within the scanned part of the timeline), room or directory. */
        NOT_FOUND,
        /** The caller's input is wrong: not a git repository, secret variable asked for, bad name... */
        INVALID,
        /** The share exists but failed a check: not from an agent's account, bad signature, hash or size. */
        REJECTED,
        /** The homeserver, git or the local machine failed. */
        FAILED
    }

    private final Kind kind;

    public ContextException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public ContextException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
