package org.mxagent.transport.syncv2.impl;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.transport.api.MatrixException;

/** Reading the fields a homeserver reply must have. */
final class Replies {
    private Replies() {}

    static String requiredText(JsonNode reply, String field) throws MatrixException {
        JsonNode value = reply.get(field);
        if (value == null || !value.isTextual()) {
            throw new MatrixException(200, null, "homeserver reply lacks '" + field + "'");
        }
        return value.asText();
    }
}
