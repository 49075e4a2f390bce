package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.impl.DiscoveryJson;
import org.mxagent.discovery.impl.Rooms;
import org.mxagent.discovery.impl.watch.WorkspaceWatch;
import org.mxagent.protocol.api.ProtocolJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code workspace.watch {room?, since?, timeout_ms?}} → {@code {digest, changed, status}}: a long poll that
 * answers as soon as the room's agents (liveness, status, tools), {@code workspace.v1} or task counts differ
 * from what digest {@code since} described, else after {@code timeout_ms} (default 25 s, at most 50 s: inside
 * the daemon's 60 s call budget) with {@code changed: false}.
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=workspace.watch")
public final class WorkspaceWatchMethod extends DiscoveryMethod {
    static final long DEFAULT_TIMEOUT_MILLIS = 25_000;
    static final long MAX_TIMEOUT_MILLIS = 50_000;

    private final WorkspaceService workspaces;
    private final WorkspaceWatch watch;

    @Activate
    public WorkspaceWatchMethod(@Reference WorkspaceService workspaces, @Reference WorkspaceWatch watch) {
        this.workspaces = workspaces;
        this.watch = watch;
    }

    @Override
    JsonNode run(JsonNode params) throws DiscoveryException, IpcException {
        long timeout = IpcParams.millis(params, "timeout_ms", DEFAULT_TIMEOUT_MILLIS);
        if (timeout > MAX_TIMEOUT_MILLIS) {
            throw IpcException.usage("param timeout_ms must be at most " + MAX_TIMEOUT_MILLIS + ", got " + timeout);
        }
        String since = IpcParams.optional(params, "since", "");
        String room = DefaultRoom.of(params, workspaces);
        String roomId = room.startsWith("!") ? Rooms.checkRoom(room) : workspaces.status(room).roomId();
        WorkspaceWatch.Change change = watch.await(roomId, since, timeout);
        ObjectNode result = ProtocolJson.newObject();
        result.put("digest", change.digest());
        result.put("changed", change.changed());
        result.set("status", DiscoveryJson.status(change.status()));
        return result;
    }
}
