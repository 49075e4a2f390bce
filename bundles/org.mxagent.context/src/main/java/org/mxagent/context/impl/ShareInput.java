package org.mxagent.context.impl;

import java.util.regex.Pattern;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextException.Kind;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;

/** Checks what callers pass (rooms, names, MIME types) with messages that say what was expected. */
final class ShareInput {
    static final int MAX_NAME = 255;
    private static final Pattern MIME = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\\s*;.*)?");

    private ShareInput() {}

    static MatrixClient require(MatrixClient client) throws ContextException {
        if (client == null) {
            throw new ContextException(Kind.NOT_LOGGED_IN, "not logged in: run `mx-agent auth login` first");
        }
        return client;
    }

    static String roomId(MatrixClient client, String room) throws ContextException {
        boolean roomId = room != null && room.startsWith("!") && room.length() > 1;
        boolean alias = room != null && room.startsWith("#") && room.indexOf(':') > 1 && !room.endsWith(":");
        if (!roomId && !alias) {
            throw new ContextException(Kind.INVALID, "not a room id or alias: '" + room
                    + "' (expected !id or #alias:server)");
        }
        if (roomId) {
            return room;
        }
        try {
            return client.resolveAlias(room);
        } catch (MatrixException e) {
            throw Failures.matrix("resolve " + room, e);
        }
    }

    static String name(String name) throws ContextException {
        if (name == null || name.isBlank() || name.length() > MAX_NAME
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new ContextException(Kind.INVALID, "a share name is 1.." + MAX_NAME
                    + " characters without control characters, got '" + name + "'");
        }
        return name;
    }

    static String mimeType(String mimeType) throws ContextException {
        if (mimeType == null || mimeType.length() > 127 || !MIME.matcher(mimeType).matches()) {
            throw new ContextException(Kind.INVALID, "not a MIME type: '" + mimeType + "' (e.g. text/plain)");
        }
        return mimeType;
    }
}
