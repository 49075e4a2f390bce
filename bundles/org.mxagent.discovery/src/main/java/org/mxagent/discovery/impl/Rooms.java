package org.mxagent.discovery.impl;

import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.DiscoveryException.Kind;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;

/** Room and user ids as people type them, checked with messages that say what was expected. */
public final class Rooms {
    private Rooms() {}

    /** The client, or "not logged in". */
    public static MatrixClient require(MatrixClient client) throws DiscoveryException {
        if (client == null) {
            throw new DiscoveryException(Kind.NOT_LOGGED_IN,
                    "not logged in: run `mx-agent auth login` (or mx:login) first");
        }
        return client;
    }

    /** Room ids are {@code !opaque} (version 12 has no {@code :server}); aliases {@code #name:server}. */
    public static String checkRoom(String text) throws DiscoveryException {
        boolean roomId = text != null && text.startsWith("!") && text.length() > 1 && !text.endsWith(":");
        boolean alias = text != null && text.startsWith("#") && text.indexOf(':') > 1 && !text.endsWith(":");
        if (!roomId && !alias) {
            throw new DiscoveryException(Kind.INVALID, "not a room id or alias: '" + text
                    + "' (expected !id or #alias:server)");
        }
        return text;
    }

    /** {@code @local:server}. */
    public static String checkUser(String text) throws DiscoveryException {
        if (text == null || !text.startsWith("@") || text.indexOf(':') < 2 || text.endsWith(":")) {
            throw new DiscoveryException(Kind.INVALID, "not a Matrix user id: '" + text + "' (expected @user:server)");
        }
        return text;
    }

    /** The room id for an id or alias; aliases are resolved on the homeserver. */
    public static String resolve(MatrixClient client, String room) throws DiscoveryException {
        String checked = checkRoom(room);
        if (checked.startsWith("!")) {
            return checked;
        }
        try {
            return client.resolveAlias(checked);
        } catch (MatrixException e) {
            throw MatrixFailures.wrap("resolve " + checked, e);
        }
    }

    /** The server name of a user id ({@code @a:example.org:8448} → {@code example.org:8448}). */
    public static String serverOf(String userId) {
        return userId.substring(userId.indexOf(':') + 1);
    }
}
