package org.mxagent.protocol.api.event;

import java.util.Optional;

/** How a chunk's {@code data} is encoded: UTF-8 text as is, anything else (and all PTY output) base64. */
public enum ChunkEncoding implements WireValue {
    UTF_8("utf-8"),
    BASE64("base64");

    private final String wire;

    ChunkEncoding(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** The constant spelled {@code wire}, or empty for a value this version does not know. */
    public static Optional<ChunkEncoding> fromWire(String wire) {
        for (ChunkEncoding value : values()) {
            if (value.wire.equals(wire)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
