package org.mxagent.policy.api;

import java.util.Optional;

/** {@code network}: whether the child may reach the network. */
public enum NetworkMode {
    ALLOW("allow"),
    DENY("deny");

    private final String wire;

    NetworkMode(String wire) {
        this.wire = wire;
    }

    /** The spelling in policy.toml. */
    public String wire() {
        return wire;
    }

    /** The constant spelled {@code wire}, or empty for a value this version does not know. */
    public static Optional<NetworkMode> fromWire(String wire) {
        for (NetworkMode value : values()) {
            if (value.wire.equals(wire)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
