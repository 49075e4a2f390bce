package org.mxagent.discovery.impl.trust;

import java.util.ArrayList;
import java.util.List;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.impl.MatrixFailures;
import org.mxagent.discovery.impl.Rooms;
import org.mxagent.policy.api.TrustEntry;
import org.mxagent.policy.api.TrustStatus;
import org.mxagent.policy.api.TrustStore;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.TrustState;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * A room's {@code trust.v1} state: this runtime's local trust records published as advice for the room
 * ({@code trust publish}), and what the room advises ({@code trust state}). Advice only: which keys this
 * runtime accepts is decided by its local trust store alone, and reading the room never changes it.
 */
@Component(service = RoomTrust.class)
public final class RoomTrust {
    /** What was published in a room. */
    public record Published(String roomId, List<TrustState> entries) {}

    /** What a room advises, and what this runtime itself holds for each key. */
    public record Advice(String roomId, List<RoomTrustEntry> entries, List<RoomTrustEntry.Refused> refused) {}

    private final TrustStore trust;
    private final Logger log;
    private volatile MatrixClient client;

    @Activate
    public RoomTrust(@Reference TrustStore trust, @Reference(service = LoggerFactory.class) Logger log) {
        this.trust = trust;
        this.log = log;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindClient(MatrixClient client) {
        this.client = client;
    }

    void unbindClient(MatrixClient client) {
        if (this.client == client) {
            this.client = null;
        }
    }

    /**
     * Publishes every local record (trusted and revoked; recorded room grants are others' word and stay out)
     * as {@code trust.v1} with state key {@code <agent_id>|<key_id>}, vouched for by this account.
     */
    public Published publish(String room) throws DiscoveryException {
        MatrixClient current = Rooms.require(client);
        String roomId = Rooms.resolve(current, room);
        String publisher = current.session().userId();
        List<TrustState> published = new ArrayList<>();
        for (TrustEntry entry : trust.list()) {
            if (!entry.isLocal()) {
                continue;
            }
            TrustState state = TrustAdvice.of(entry, publisher);
            try {
                current.putState(roomId, EventTypes.TRUST, state.stateKey(), ProtocolCodec.encode(state));
            } catch (MatrixException e) {
                throw MatrixFailures.wrap("publish trust.v1 " + state.stateKey() + " in " + roomId
                        + " (power level 50 needed)", e);
            }
            published.add(state);
        }
        log.info("published {} local trust records as trust.v1 in {}", published.size(), roomId);
        return new Published(roomId, published);
    }

    /** The room's {@code trust.v1} entries next to this runtime's own verdict on each key. */
    public Advice read(String room) throws DiscoveryException {
        MatrixClient current = Rooms.require(client);
        String roomId = Rooms.resolve(current, room);
        try {
            TrustAdvice advice = TrustAdvice.read(current.roomState(roomId));
            List<RoomTrustEntry> entries = new ArrayList<>();
            for (RoomTrustEntry entry : advice.entries()) {
                entries.add(entry.withLocal(localVerdict(entry.state().keyId())));
            }
            return new Advice(roomId, entries, advice.refused());
        } catch (MatrixException e) {
            throw MatrixFailures.wrap("read the trust.v1 state of " + roomId, e);
        }
    }

    /** Whether this runtime accepts the key ({@code trusted}), has revoked it, or holds nothing on it. */
    private String localVerdict(String keyId) {
        if (trust.isTrusted(keyId)) {
            return "trusted";
        }
        boolean revoked = trust.list().stream().anyMatch(e -> e.keyId().equals(keyId)
                && e.status() == TrustStatus.REVOKED);
        return revoked ? "revoked" : "none";
    }
}
