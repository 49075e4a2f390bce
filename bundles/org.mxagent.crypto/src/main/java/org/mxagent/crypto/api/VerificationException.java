package org.mxagent.crypto.api;

/** A verification action that cannot be done (unknown device or transaction, wrong state, no crypto machine). */
public class VerificationException extends Exception {
    private static final long serialVersionUID = 1L;

    public VerificationException(String message) {
        super(message);
    }
}
