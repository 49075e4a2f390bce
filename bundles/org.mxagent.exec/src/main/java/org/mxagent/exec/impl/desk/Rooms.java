package org.mxagent.exec.impl.desk;

import org.mxagent.exec.impl.requester.DeskException;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;

/** Room arguments: ids as they are, aliases resolved. */
final class Rooms {
    private Rooms() {}

    static String resolve(MatrixClient client, String room) throws DeskException {
        String trimmed = room.trim();
        if (trimmed.startsWith("!")) {
            return trimmed;
        }
        if (!trimmed.startsWith("#")) {
            throw new DeskException(DeskException.Kind.INVALID,
                    "not a room id (!id) or alias (#alias:server): " + room);
        }
        try {
            return client.resolveAlias(trimmed);
        } catch (MatrixException e) {
            throw new DeskException(e.status() == 404 ? DeskException.Kind.NOT_FOUND : DeskException.Kind.FAILED,
                    "cannot resolve " + trimmed + ": " + e.getMessage(), e);
        }
    }
}
