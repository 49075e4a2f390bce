package org.mxagent.policy.api;

import java.util.Optional;

/** {@code sandbox} / {@code default_sandbox}: how a child process is isolated. */
public enum SandboxKind {
    NONE("none"),
    BUBBLEWRAP("bubblewrap"),
    DOCKER("docker"),
    PODMAN("podman");

    private final String wire;

    SandboxKind(String wire) {
        this.wire = wire;
    }

    /** The spelling in policy.toml and the audit log. */
    public String wire() {
        return wire;
    }

    /** True when the child runs in a container image, whose PATH and file system are not the host's. */
    public boolean isContainer() {
        return this == DOCKER || this == PODMAN;
    }

    /** The constant spelled {@code wire}, or empty for a value this version does not know. */
    public static Optional<SandboxKind> fromWire(String wire) {
        for (SandboxKind value : values()) {
            if (value.wire.equals(wire)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
