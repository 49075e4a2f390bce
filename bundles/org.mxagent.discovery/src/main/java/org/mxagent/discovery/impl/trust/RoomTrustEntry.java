package org.mxagent.discovery.impl.trust;

import java.util.Objects;
import org.mxagent.protocol.api.event.TrustState;

/**
 * One {@code trust.v1} entry of a room: the advice, the account that wrote it, and this runtime's own verdict on
 * the key ({@code trusted}, {@code revoked} or {@code none}; empty until looked up).
 */
public record RoomTrustEntry(TrustState state, String sender, String local) {

    /** A {@code trust.v1} state this runtime could not read, and why. */
    public record Refused(String stateKey, String sender, String reason) {}

    public RoomTrustEntry {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(local, "local");
    }

    RoomTrustEntry withLocal(String verdict) {
        return new RoomTrustEntry(state, sender, verdict);
    }
}
