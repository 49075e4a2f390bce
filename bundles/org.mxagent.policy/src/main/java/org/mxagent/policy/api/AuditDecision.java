package org.mxagent.policy.api;

/** The audit log's {@code decision} field. */
public enum AuditDecision {
    ALLOWED("allowed"),
    DENIED("denied"),
    HELD("held"),
    RELEASED("released"),
    EXPIRED("expired");

    private final String wire;

    AuditDecision(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
