package org.mxagent.transport.syncv2.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mxagent.transport.api.RoomEvent;

/**
 * The room events of one {@code /sync} response, in the order listeners receive them: per joined room,
 * the state section, then any back-filled gap, then the timeline; an event id appears once.
 */
final class SyncBatch {
    /** A room whose timeline the server cut short ({@code limited}), to be back-filled from {@code prevBatch}. */
    record Gap(String roomId, String prevBatch) {}

    private final ObjectNode response;

    SyncBatch(ObjectNode response) {
        this.response = response;
    }

    String nextBatch() {
        JsonNode next = response.get("next_batch");
        if (next == null || !next.isTextual()) {
            throw new IllegalArgumentException("sync response without next_batch");
        }
        return next.asText();
    }

    List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> rooms = joinedRooms(); rooms.hasNext();) {
            Map.Entry<String, JsonNode> room = rooms.next();
            JsonNode timeline = room.getValue().path("timeline");
            if (timeline.path("limited").asBoolean(false) && timeline.path("prev_batch").isTextual()) {
                gaps.add(new Gap(room.getKey(), timeline.get("prev_batch").asText()));
            }
        }
        return gaps;
    }

    /** Events in delivery order; {@code backfill} holds gap events per room, oldest first. */
    List<RoomEvent> events(Map<String, List<ObjectNode>> backfill) {
        List<RoomEvent> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> rooms = joinedRooms(); rooms.hasNext();) {
            Map.Entry<String, JsonNode> room = rooms.next();
            String roomId = room.getKey();
            addAll(events, seen, roomId, room.getValue().path("state").path("events"));
            for (ObjectNode gapEvent : backfill.getOrDefault(roomId, List.of())) {
                add(events, seen, roomId, gapEvent);
            }
            addAll(events, seen, roomId, room.getValue().path("timeline").path("events"));
        }
        return events;
    }

    /** Room ids we were invited to in this batch. */
    List<String> invitedRooms() {
        List<String> invited = new ArrayList<>();
        response.path("rooms").path("invite").fieldNames().forEachRemaining(invited::add);
        return invited;
    }

    private Iterator<Map.Entry<String, JsonNode>> joinedRooms() {
        return response.path("rooms").path("join").fields();
    }

    private static void addAll(List<RoomEvent> events, Set<String> seen, String roomId, JsonNode array) {
        for (JsonNode event : array) {
            if (event.isObject()) {
                add(events, seen, roomId, (ObjectNode) event);
            }
        }
    }

    private static void add(List<RoomEvent> events, Set<String> seen, String roomId, ObjectNode event) {
        RoomEvent parsed = toRoomEvent(roomId, event);
        if (parsed != null && seen.add(parsed.eventId())) {
            events.add(parsed);
        }
    }

    /** Null for events without the fields every room event has (the server never sends those). */
    static RoomEvent toRoomEvent(String roomId, ObjectNode event) {
        JsonNode id = event.get("event_id");
        JsonNode type = event.get("type");
        if (id == null || !id.isTextual() || type == null || !type.isTextual()) {
            return null;
        }
        // Only this transport may say an event was (or could not be) decrypted: markers the homeserver sends go.
        JsonNode unsigned = event.get("unsigned");
        if (unsigned != null && unsigned.isObject()) {
            ((ObjectNode) unsigned).remove(RoomEvent.DECRYPTION);
            ((ObjectNode) unsigned).remove(RoomEvent.DECRYPTION_FAILURE);
        }
        JsonNode stateKey = event.get("state_key");
        return new RoomEvent(roomId, id.asText(), event.path("sender").asText(""), type.asText(),
                stateKey != null && stateKey.isTextual() ? stateKey.asText() : null,
                event.path("origin_server_ts").asLong(0), event);
    }
}
