package org.mxagent.protocol.api.sign;

/** A signature that did not verify, carrying the {@link Verification} that says why. */
public final class SignatureVerificationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Verification verification;

    public SignatureVerificationException(Verification verification) {
        super(verification.status() + ": " + verification.detail());
        this.verification = verification;
    }

    public Verification.Status status() {
        return verification.status();
    }

    public Verification verification() {
        return verification;
    }
}
