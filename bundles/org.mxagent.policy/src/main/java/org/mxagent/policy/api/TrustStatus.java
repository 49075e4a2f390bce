package org.mxagent.policy.api;

import java.util.Optional;

/** {@code status} of a trust entry. */
public enum TrustStatus {
    TRUSTED("trusted"),
    REVOKED("revoked");

    private final String wire;

    TrustStatus(String wire) {
        this.wire = wire;
    }

    /** The spelling in trust.json and trust.v1. */
    public String wire() {
        return wire;
    }

    /** The constant spelled {@code wire}, or empty for a value this version does not know. */
    public static Optional<TrustStatus> fromWire(String wire) {
        for (TrustStatus value : values()) {
            if (value.wire.equals(wire)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
