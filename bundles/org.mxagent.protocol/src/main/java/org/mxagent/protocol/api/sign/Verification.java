package org.mxagent.protocol.api.sign;

import java.util.Objects;

/** The outcome of checking one signature; {@link #detail} says why it failed, for logs. */
public record Verification(Status status, String detail) {

    /** Distinct outcomes, so a caller can tell "unsigned" from "forged" from "not addressed to this key". */
    public enum Status {
        /** The signature verifies with the expected key. */
        VALID,
        /** No {@code signature} member (or JSON {@code null}). */
        UNSIGNED,
        /** {@code alg} is not {@code ed25519}. */
        UNSUPPORTED_ALG,
        /** The signature names another key id, or the published key does not hash to the expected key id. */
        KEY_ID_MISMATCH,
        /** Well-formed, but the signature does not verify over the signed bytes. */
        INVALID_SIGNATURE,
        /** The signature member or the signed content cannot be interpreted (bad base64, float, missing field). */
        MALFORMED
    }

    public Verification {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    static Verification valid() {
        return new Verification(Status.VALID, "signature verified");
    }

    static Verification failed(Status status, String detail) {
        return new Verification(status, detail);
    }

    public boolean isValid() {
        return status == Status.VALID;
    }

    /** Returns normally if valid, else throws with this status. */
    public void orThrow() throws SignatureVerificationException {
        if (!isValid()) {
            throw new SignatureVerificationException(this);
        }
    }
}
