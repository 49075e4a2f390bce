package org.mxagent.discovery.impl.shell;

import org.apache.felix.service.command.Descriptor;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.impl.trust.RoomTrust;
import org.mxagent.discovery.impl.trust.RoomTrustEntry;
import org.mxagent.protocol.api.event.TrustState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo {@code trust:publish} and {@code trust:state}: a room's advisory {@code trust.v1} state (the policy
 * bundle's {@code trust:list|approve|revoke} manage the local records, which alone decide).
 */
@Component(service = TrustStateCommands.class, property = {"osgi.command.scope=trust",
    "osgi.command.function=publish", "osgi.command.function=state"})
public final class TrustStateCommands {
    private final RoomTrust trust;

    @Activate
    public TrustStateCommands(@Reference RoomTrust trust) {
        this.trust = trust;
    }

    @Descriptor("publish the local trust records of this runtime as advisory trust.v1 state in a room")
    public String publish(@Descriptor("room id or alias") String room) throws DiscoveryException {
        RoomTrust.Published published = trust.publish(room);
        StringBuilder out = new StringBuilder("published " + published.entries().size() + " trust.v1 entries in "
                + published.roomId());
        for (TrustState state : published.entries()) {
            out.append("\n  ").append(state.stateKey()).append("  ").append(state.status().wire());
        }
        return out.toString();
    }

    @Descriptor("show a room's trust.v1 state (advisory: only local trust records decide) with the local verdict")
    public String state(@Descriptor("room id or alias") String room) throws DiscoveryException {
        RoomTrust.Advice advice = trust.read(room);
        StringBuilder out = new StringBuilder("advisory trust.v1 of " + advice.roomId()
                + " (local trust always wins)");
        for (RoomTrustEntry entry : advice.entries()) {
            out.append("\n  ").append(entry.state().stateKey()).append("  ").append(entry.state().status().wire())
                    .append("  by ").append(entry.sender()).append("  local: ").append(entry.local());
        }
        for (RoomTrustEntry.Refused refused : advice.refused()) {
            out.append("\n  refused ").append(refused.stateKey()).append(" from ").append(refused.sender())
                    .append(": ").append(refused.reason());
        }
        return advice.entries().isEmpty() && advice.refused().isEmpty() ? out + "\n  (none)" : out.toString();
    }
}
