package org.mxagent.discovery.impl.trust;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mxagent.policy.api.TrustEntry;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.TrustState;
import org.mxagent.protocol.api.event.TrustStatus;
import org.mxagent.transport.api.RoomEvent;

/** Converts between local trust records and {@code trust.v1}, and reads a room's {@code trust.v1} state. */
final class TrustAdvice {
    private final List<RoomTrustEntry> entries;
    private final List<RoomTrustEntry.Refused> refused;

    private TrustAdvice(List<RoomTrustEntry> entries, List<RoomTrustEntry.Refused> refused) {
        this.entries = entries;
        this.refused = refused;
    }

    /**
     * The {@code trust.v1} of a local record: {@code trusted_by} is the publishing account (who vouches in the
     * room), not the local operator name of trust.json; times stay Unix seconds; local records never expire.
     */
    static TrustState of(TrustEntry entry, String publisher) {
        TrustStatus status = entry.status() == org.mxagent.policy.api.TrustStatus.REVOKED ? TrustStatus.REVOKED
                : TrustStatus.TRUSTED;
        Long revokedAt = entry.revokedAt().isPresent() ? entry.revokedAt().getAsLong() : null;
        return new TrustState(entry.agentId(), entry.keyId(), entry.fingerprint(), status, publisher,
                entry.createdAt(), null, revokedAt, Map.of());
    }

    /** The room's entries (removed, empty states skipped) ordered by state key; unreadable ones with why. */
    static TrustAdvice read(List<RoomEvent> roomState) {
        List<RoomTrustEntry> entries = new ArrayList<>();
        List<RoomTrustEntry.Refused> refused = new ArrayList<>();
        for (RoomEvent event : roomState) {
            if (!EventTypes.TRUST.equals(event.type()) || !event.isState() || event.content().isEmpty()) {
                continue;
            }
            try {
                TrustState state = ProtocolCodec.decode(TrustState.class, event.content());
                if (!state.stateKey().equals(event.stateKey())) {
                    refused.add(new RoomTrustEntry.Refused(event.stateKey(), event.sender(),
                            "state key is not <agent_id>|<key_id> of its content"));
                } else {
                    entries.add(new RoomTrustEntry(state, event.sender(), ""));
                }
            } catch (MalformedEventException e) {
                refused.add(new RoomTrustEntry.Refused(event.stateKey(), event.sender(), e.getMessage()));
            }
        }
        entries.sort(Comparator.comparing(entry -> entry.state().stateKey()));
        return new TrustAdvice(entries, refused);
    }

    List<RoomTrustEntry> entries() {
        return entries;
    }

    List<RoomTrustEntry.Refused> refused() {
        return refused;
    }
}
