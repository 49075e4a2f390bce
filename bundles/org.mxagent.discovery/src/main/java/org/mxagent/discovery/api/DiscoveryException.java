package org.mxagent.discovery.api;

import java.util.Objects;

/** A discovery operation failed; {@link #kind} tells callers (CLI, Gogo) how to report it. */
public class DiscoveryException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, coarsely: maps to the CLI's exit codes (3, 3, 64, 1). */
    public enum Kind {
        /** No Matrix session: log in first. */
        NOT_LOGGED_IN,
        /** The room, agent or state asked for does not exist (or is not visible to this account). */
        NOT_FOUND,
        /** The caller's input is wrong (bad alias, level out of range, unknown visibility...). */
        INVALID,
        /** The homeserver or the local store refused or failed. */
        FAILED
    }

    private final Kind kind;

    public DiscoveryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public DiscoveryException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
