package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.api.WorkspaceSummary;

/** The {@code room} param, or when it is left out the one joined workspace (a usage error if several). */
final class DefaultRoom {
    private DefaultRoom() {}

    static String of(JsonNode params, WorkspaceService workspaces) throws IpcException, DiscoveryException {
        String room = IpcParams.optional(params, "room", "");
        return room.isEmpty() ? onlyWorkspace(workspaces.list()) : room;
    }

    private static String onlyWorkspace(List<WorkspaceSummary> joined) throws IpcException {
        if (joined.size() == 1) {
            return joined.get(0).roomId();
        }
        if (joined.isEmpty()) {
            throw IpcException.notFound("this account has joined no workspace; create or join one first");
        }
        StringBuilder rooms = new StringBuilder();
        joined.forEach(w -> rooms.append(' ').append(w.alias().isEmpty() ? w.roomId() : w.alias()));
        throw IpcException.usage("several workspaces joined; pass room (one of:" + rooms + ")");
    }
}
