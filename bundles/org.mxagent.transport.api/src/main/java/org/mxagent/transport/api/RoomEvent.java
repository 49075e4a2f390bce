package org.mxagent.transport.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A room event as the homeserver delivered it. {@code raw} is the whole event (its {@code content} is the
 * exact received JSON, which signature checks need); {@code stateKey} is null for timeline events.
 */
public record RoomEvent(String roomId, String eventId, String sender, String type, String stateKey,
        long originServerTs, ObjectNode raw) {

    public ObjectNode content() {
        return raw.has("content") && raw.get("content").isObject() ? (ObjectNode) raw.get("content")
                : raw.objectNode();
    }

    public boolean isState() {
        return stateKey != null;
    }
}
