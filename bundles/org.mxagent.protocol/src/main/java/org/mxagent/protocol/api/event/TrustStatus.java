package org.mxagent.protocol.api.event;

import java.util.Optional;

/** {@code trust.v1.status}. */
public enum TrustStatus implements WireValue {
    TRUSTED("trusted"),
    REVOKED("revoked");

    private final String wire;

    TrustStatus(String wire) {
        this.wire = wire;
    }

    @Override
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
