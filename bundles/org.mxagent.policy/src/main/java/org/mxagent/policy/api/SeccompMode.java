package org.mxagent.policy.api;

import java.util.Optional;

/** {@code seccomp}: whether the child gets the default system-call filter. */
public enum SeccompMode {
    OFF("off"),
    DEFAULT("default");

    private final String wire;

    SeccompMode(String wire) {
        this.wire = wire;
    }

    /** The spelling in policy.toml. */
    public String wire() {
        return wire;
    }

    /** The constant spelled {@code wire}, or empty for a value this version does not know. */
    public static Optional<SeccompMode> fromWire(String wire) {
        for (SeccompMode value : values()) {
            if (value.wire.equals(wire)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
