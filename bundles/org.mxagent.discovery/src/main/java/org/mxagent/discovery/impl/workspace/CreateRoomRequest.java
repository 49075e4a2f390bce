package org.mxagent.discovery.impl.workspace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.DiscoveryException.Kind;
import org.mxagent.discovery.api.Visibility;
import org.mxagent.discovery.api.WorkspaceSpec;
import org.mxagent.discovery.impl.Rooms;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.WorkspaceState;

/** The {@code /createRoom} body of {@code workspace create}: one room, its power levels and first state. */
public final class CreateRoomRequest {
    /** Megolm, as every Matrix client encrypts rooms today. */
    static final String MEGOLM = "m.megolm.v1.aes-sha2";

    private CreateRoomRequest() {}

    /**
     * @param creator the creating account ({@code @user:server}), recorded as {@code attached_by}
     * @param roomVersion the version the server will create (its default), which decides whether the creator
     *     may be listed in the power levels
     */
    public static ObjectNode build(WorkspaceSpec spec, String creator, String roomVersion, long nowMillis)
            throws DiscoveryException {
        ObjectNode body = ProtocolJson.newObject();
        boolean isPublic = spec.visibility() == Visibility.PUBLIC;
        body.put("preset", isPublic ? "public_chat" : "private_chat");
        body.put("visibility", spec.visibility().wire());
        String localpart = aliasLocalpart(spec.alias(), Rooms.serverOf(creator));
        if (!localpart.isEmpty()) {
            body.put("room_alias_name", localpart);
        }
        if (!spec.name().isEmpty()) {
            body.put("name", spec.name());
        }
        if (!spec.topic().isEmpty()) {
            body.put("topic", spec.topic());
        }
        body.set("power_level_content_override", PowerLevels.forWorkspace(creator, roomVersion));
        ArrayNode initialState = body.putArray("initial_state");
        if (spec.e2ee()) {
            ObjectNode encryption = initialState.addObject().put("type", "m.room.encryption").put("state_key", "");
            encryption.putObject("content").put("algorithm", MEGOLM);
        }
        ObjectNode workspace = initialState.addObject().put("type", EventTypes.WORKSPACE).put("state_key", "");
        workspace.set("content", ProtocolCodec.encode(workspaceState(spec, localpart, creator, nowMillis)));
        return body;
    }

    /** {@code workspace.v1}: project id from the spec, else the alias local part, else the name. */
    static WorkspaceState workspaceState(WorkspaceSpec spec, String localpart, String creator, long nowMillis) {
        String projectId = !spec.projectId().isEmpty() ? spec.projectId()
                : !localpart.isEmpty() ? localpart : spec.name();
        return new WorkspaceState(projectId, spec.path(), null, creator, nowMillis, 0, Map.of());
    }

    /**
     * The local part of an alias given as {@code team}, {@code #team} or {@code #team:server}; a full alias must
     * be on the creator's server, since a server only creates aliases of its own.
     */
    static String aliasLocalpart(String alias, String server) throws DiscoveryException {
        if (alias.isEmpty()) {
            return "";
        }
        String text = alias.startsWith("#") ? alias.substring(1) : alias;
        int colon = text.indexOf(':');
        String localpart = colon < 0 ? text : text.substring(0, colon);
        if (colon >= 0 && !text.substring(colon + 1).equals(server)) {
            throw new DiscoveryException(Kind.INVALID, "alias " + alias + " is not on this account's server "
                    + server + "; give just the local part, e.g. " + localpart);
        }
        if (localpart.isEmpty() || !localpart.chars().allMatch(CreateRoomRequest::isAliasChar)) {
            throw new DiscoveryException(Kind.INVALID, "alias local part must be non-empty and use only a-z, 0-9, "
                    + "'.', '_', '=', '-' or '/': '" + alias + "'");
        }
        return localpart;
    }

    /** The characters Matrix allows in the local part of an alias we create (a safe, lower-case subset). */
    private static boolean isAliasChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '=' || c == '-'
                || c == '/';
    }
}
