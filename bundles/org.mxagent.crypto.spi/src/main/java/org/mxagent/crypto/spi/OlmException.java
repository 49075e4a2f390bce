package org.mxagent.crypto.spi;

import java.util.Objects;

/**
 * A primitive refused its input: a message that does not authenticate, a pickle key that does not fit, a
 * Megolm index before the session's first known index... {@link #error()} says which, so the crypto machine
 * can react (ask for the room key again, mark a device as wedged) without parsing messages.
 */
public class OlmException extends Exception {
    private static final long serialVersionUID = 1L;

    private final OlmError error;

    public OlmException(OlmError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public OlmException(OlmError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The kind of failure. */
    public OlmError error() {
        return error;
    }

    /** The failure as libolm names it, e.g. {@code BAD_MESSAGE_MAC}. */
    public String olmName() {
        return error.olmName();
    }
}
