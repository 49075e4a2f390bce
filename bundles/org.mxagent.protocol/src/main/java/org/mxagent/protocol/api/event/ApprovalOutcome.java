package org.mxagent.protocol.api.event;

import java.util.Optional;

/** {@code approval.decision.decision}. */
public enum ApprovalOutcome implements WireValue {
    APPROVED("approved"),
    DENIED("denied");

    private final String wire;

    ApprovalOutcome(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The constant spelled {@code wire}, or empty for a value this version does not know. */
    public static Optional<ApprovalOutcome> fromWire(String wire) {
        for (ApprovalOutcome value : values()) {
            if (value.wire.equals(wire)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
