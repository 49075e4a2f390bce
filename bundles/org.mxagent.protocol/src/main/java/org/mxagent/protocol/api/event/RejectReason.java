package org.mxagent.protocol.api.event;

import java.util.Optional;

/** The stable {@code exec.rejected.reason} codes. */
public enum RejectReason implements WireValue {
    UNSIGNED("unsigned"),
    INVALID_SIGNATURE("invalid_signature"),
    WRONG_TARGET("wrong_target"),
    UNTRUSTED_KEY("untrusted_key"),
    POLICY_DENIED("policy_denied"),
    UNVERIFIED_DEVICE("unverified_device"),
    APPROVAL_DENIED("approval_denied"),
    APPROVAL_EXPIRED("approval_expired"),
    SANDBOX_REQUIRED("sandbox_required"),
    ENV_OVERRIDE_NOT_ALLOWED("env_override_not_allowed"),
    MALFORMED_REQUEST("malformed_request");

    private final String wire;

    RejectReason(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The constant spelled {@code wire}, or empty for a value this version does not know. */
    public static Optional<RejectReason> fromWire(String wire) {
        for (RejectReason value : values()) {
            if (value.wire.equals(wire)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
