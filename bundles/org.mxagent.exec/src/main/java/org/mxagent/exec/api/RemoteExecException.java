package org.mxagent.exec.api;

/** A remote exec could not be sent; the message says why and what to fix. */
public class RemoteExecException extends Exception {
    private static final long serialVersionUID = 1L;

    public RemoteExecException(String message, Throwable cause) {
        super(message, cause);
    }
}
