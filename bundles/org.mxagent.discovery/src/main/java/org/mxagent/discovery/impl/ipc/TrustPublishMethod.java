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

/** {@code trust.publish {room?}} → {@code {room_id, published: [trust.v1…]}}: the local records, as advice. */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=trust.publish")
public final class TrustPublishMethod extends DiscoveryMethod {
    private final RoomTrust trust;
    private final WorkspaceService workspaces;

    @Activate
    public TrustPublishMethod(@Reference RoomTrust trust, @Reference WorkspaceService workspaces) {
        this.trust = trust;
        this.workspaces = workspaces;
    }

    @Override
    JsonNode run(JsonNode params) throws DiscoveryException, IpcException {
        return TrustJson.published(trust.publish(DefaultRoom.of(params, workspaces)));
    }
}
