package org.mxagent.adapter.spi;

/** An agent cannot be run: the message is for the user and says what to do. */
public class AdapterException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a run did not start or failed. */
    public enum Reason {
        /** No adapter of that name is registered. */
        NO_SUCH_ADAPTER,
        /** The agent's CLI is not installed or does not answer. */
        NOT_INSTALLED,
        /** The work asks for something the adapter cannot do. */
        INVALID_WORK,
        /** The runtime's policy or sandbox refused the launch. */
        REJECTED,
        /** Starting the process failed. */
        FAILED
    }

    private final Reason reason;

    public AdapterException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public AdapterException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
