package org.mxagent.policy.api;

/**
 * The stable {@code exec.rejected.reason} codes of the wire protocol. The finer-grained internal rule name
 * travels beside it (in {@link Decision.Denied#rule()} and {@link PipelineDecision#rule()}), never on the wire.
 */
public enum RejectCode {
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

    RejectCode(String wire) {
        this.wire = wire;
    }

    /** The value of {@code exec.rejected.reason}. */
    public String wire() {
        return wire;
    }
}
