package org.mxagent.policy.api;

import java.util.Optional;

/** {@code raw_exec_default}: whether a room's agents may exec when their own {@code allow_exec} is unset. */
public enum RawExecDefault {
    ALLOW("allow"),
    DENY("deny");

    private final String wire;

    RawExecDefault(String wire) {
        this.wire = wire;
    }

    /** The spelling in policy.toml. */
    public String wire() {
        return wire;
    }

    /** The constant spelled {@code wire}, or empty for a value this version does not know. */
    public static Optional<RawExecDefault> fromWire(String wire) {
        for (RawExecDefault value : values()) {
            if (value.wire.equals(wire)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
