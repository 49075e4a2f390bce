package org.mxagent.transport.api.e2ee;

/** An encryption step could not be done: unusable store, unsupported algorithm, a room key not yet shared. */
public class E2eeException extends Exception {
    private static final long serialVersionUID = 1L;

    public E2eeException(String message) {
        super(message);
    }

    public E2eeException(String message, Throwable cause) {
        super(message, cause);
    }
}
