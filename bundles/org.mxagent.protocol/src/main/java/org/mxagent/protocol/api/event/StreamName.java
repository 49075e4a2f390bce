package org.mxagent.protocol.api.event;

import java.util.Optional;

/** The {@code stream} of a chunk or artifact. */
public enum StreamName implements WireValue {
    STDIN("stdin"),
    STDOUT("stdout"),
    STDERR("stderr"),
    PTY("pty"),
    CONTROL("control");

    private final String wire;

    StreamName(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The constant spelled {@code wire}, or empty for a value this version does not know. */
    public static Optional<StreamName> fromWire(String wire) {
        for (StreamName value : values()) {
            if (value.wire.equals(wire)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
