package org.mxagent.tools.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.protocol.api.ProtocolJson;

/** JSON Schema documents written as text in the tools, parsed once. */
final class Schemas {
    private Schemas() {}

    static JsonNode parse(String schema) {
        try {
            return ProtocolJson.parse(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a built-in tool schema is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
