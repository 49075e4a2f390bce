package org.mxagent.protocol.api.event;

import java.util.Optional;

/** {@code invocation.v1.state}. */
public enum InvocationStatus implements WireValue {
    ACCEPTED("accepted"),
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wire;

    InvocationStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The constant spelled {@code wire}, or empty for a value this version does not know. */
    public static Optional<InvocationStatus> fromWire(String wire) {
        for (InvocationStatus value : values()) {
            if (value.wire.equals(wire)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
