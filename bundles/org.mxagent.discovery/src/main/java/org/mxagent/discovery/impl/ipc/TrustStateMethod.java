package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.impl.trust.RoomTrust;
import org.mxagent.discovery.impl.trust.TrustJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code trust.state {room?}} → {@code {room_id, advisory: true, entries: [trust.v1 + sender + local]}, refused}:
 * the room's advice next to this runtime's own verdict on each key, which is the one that counts.
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=trust.state")
public final class TrustStateMethod extends DiscoveryMethod {
    private final RoomTrust trust;
    private final WorkspaceService workspaces;

    @Activate
    public TrustStateMethod(@Reference RoomTrust trust, @Reference WorkspaceService workspaces) {
        this.trust = trust;
        this.workspaces = workspaces;
    }

    @Override
    JsonNode run(JsonNode params) throws DiscoveryException, IpcException {
        return TrustJson.advice(trust.read(DefaultRoom.of(params, workspaces)));
    }
}
