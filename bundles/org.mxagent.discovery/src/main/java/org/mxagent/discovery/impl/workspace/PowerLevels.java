package org.mxagent.discovery.impl.workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;

/**
 * The power levels of a workspace room (protocol §2.8): any member may send timeline events, native room state
 * is creator-only, and every {@code com.mxagent.*} state type needs 50, the level {@code workspace grant} gives.
 * Power levels protect the integrity of shared state; they never authorize execution.
 */
public final class PowerLevels {
    public static final int CREATOR = 100;
    public static final int STATE_DEFAULT = 100;
    public static final int MXAGENT_STATE = 50;

    private PowerLevels() {}

    /**
     * The {@code power_level_content_override} for {@code /createRoom}. The creator is listed at 100 only in
     * room versions before 12: from version 12 on creators have unlimited power and the server refuses them
     * in {@code users}.
     */
    public static ObjectNode forWorkspace(String creator, String roomVersion) {
        ObjectNode levels = ProtocolJson.newObject();
        levels.put("users_default", 0);
        levels.put("events_default", 0);
        levels.put("state_default", STATE_DEFAULT);
        ObjectNode events = levels.putObject("events");
        for (String type : EventTypes.STATE) {
            events.put(type, MXAGENT_STATE);
        }
        ObjectNode users = levels.putObject("users");
        if (!creatorsArePrivileged(roomVersion)) {
            users.put(creator, CREATOR);
        }
        return levels;
    }

    /**
     * True for room versions in which creators are privileged and absent from {@code users}: 12 and later
     * (MSC4289), and the unstable {@code org.matrix.hydra.11}. Unknown versions are treated as older ones.
     */
    public static boolean creatorsArePrivileged(String roomVersion) {
        if (roomVersion == null) {
            return false;
        }
        if (roomVersion.equals("org.matrix.hydra.11")) {
            return true;
        }
        try {
            return Integer.parseInt(roomVersion) >= 12;
        } catch (NumberFormatException unknown) {
            return false;
        }
    }

    /** A copy of {@code current} with {@code userId} at {@code level}. */
    public static ObjectNode withUser(ObjectNode current, String userId, int level) {
        ObjectNode updated = current.deepCopy();
        ObjectNode users = updated.has("users") && updated.get("users").isObject()
                ? (ObjectNode) updated.get("users") : updated.putObject("users");
        users.put(userId, level);
        return updated;
    }

    /** A user's level: their entry in {@code users}, else {@code users_default}, else 0. */
    public static long levelOf(ObjectNode levels, String userId) {
        if (levels == null) {
            return 0;
        }
        if (levels.path("users").has(userId)) {
            return levels.path("users").path(userId).asLong(0);
        }
        return levels.path("users_default").asLong(0);
    }
}
