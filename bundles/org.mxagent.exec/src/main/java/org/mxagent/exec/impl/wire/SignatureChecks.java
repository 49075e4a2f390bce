package org.mxagent.exec.impl.wire;

import org.mxagent.policy.api.SignatureCheck;
import org.mxagent.protocol.api.sign.Verification;

/** The protocol verifier's detailed status, as the receive pipeline's coarser verdict. */
public final class SignatureChecks {
    private SignatureChecks() {}

    public static SignatureCheck of(Verification verification) {
        return switch (verification.status()) {
            case VALID -> SignatureCheck.VALID;
            case UNSIGNED -> SignatureCheck.UNSIGNED;
            case KEY_ID_MISMATCH -> SignatureCheck.KEY_ID_MISMATCH;
            case INVALID_SIGNATURE, MALFORMED, UNSUPPORTED_ALG -> SignatureCheck.INVALID;
        };
    }
}
