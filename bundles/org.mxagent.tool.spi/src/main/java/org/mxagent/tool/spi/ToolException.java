package org.mxagent.tool.spi;

/** A tool call that failed; the message goes back to the caller as {@code call.response.error}. */
public class ToolException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, coarsely, so a caller can tell bad arguments from a refusal from a failure. */
    public enum Kind {
        /** The arguments do not fit the input schema. */
        INVALID_ARGUMENTS,
        /** The arguments name something outside the call's {@link PathScope} or allowance. */
        DENIED,
        /** The tool tried and failed. */
        FAILED
    }

    private final Kind kind;

    public ToolException(Kind kind, String message) {
        this(kind, message, null);
    }

    public ToolException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code invalid_arguments}, {@code denied} or {@code failed}. */
    public String code() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
