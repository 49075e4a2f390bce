package org.mxagent.transport.syncv2.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;

class ListenerRegistryTest {
    private final List<String> failures = new ArrayList<>();
    private final ListenerRegistry registry = new ListenerRegistry((where, e) -> failures.add(where + ": " + e.getMessage()));

    private static RoomEvent event(String room, String id, String type) {
        return new RoomEvent(room, id, "@a:x", type, null, 0, new ObjectMapper().createObjectNode());
    }

    @Test
    void filtersByExactTypePrefixAndRoom() {
        List<String> exact = new ArrayList<>();
        List<String> prefix = new ArrayList<>();
        List<String> room = new ArrayList<>();
        List<String> all = new ArrayList<>();
        registry.add((RoomEventListener) e -> exact.add(e.eventId()),
                ListenerFilter.fromProperties(Map.of(RoomEventListener.EVENT_TYPES, "com.mxagent.heartbeat.v1")));
        registry.add((RoomEventListener) e -> prefix.add(e.eventId()),
                ListenerFilter.fromProperties(Map.of(RoomEventListener.EVENT_TYPES, new String[] {"com.mxagent.*"})));
        registry.add((RoomEventListener) e -> room.add(e.eventId()),
                ListenerFilter.fromProperties(Map.of(RoomEventListener.ROOMS, List.of("!b:x"))));
        registry.add((RoomEventListener) e -> all.add(e.eventId()), ListenerFilter.fromProperties(Map.of()));

        registry.deliver(event("!a:x", "$1", "com.mxagent.heartbeat.v1"));
        registry.deliver(event("!b:x", "$2", "com.mxagent.exec.request.v1"));
        registry.deliver(event("!b:x", "$3", "m.room.message"));

        assertEquals(List.of("$1"), exact);
        assertEquals(List.of("$1", "$2"), prefix);
        assertEquals(List.of("$2", "$3"), room);
        assertEquals(List.of("$1", "$2", "$3"), all);
    }

    @Test
    void aThrowingListenerIsReportedAndOthersStillReceive() {
        List<String> received = new ArrayList<>();
        registry.add((RoomEventListener) e -> {
            throw new IllegalStateException("boom");
        }, ListenerFilter.fromProperties(Map.of()));
        registry.add((RoomEventListener) e -> received.add(e.eventId()), ListenerFilter.fromProperties(Map.of()));

        int delivered = registry.deliver(event("!a:x", "$1", "t"));

        assertEquals(1, delivered);
        assertEquals(List.of("$1"), received);
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).contains("$1") && failures.get(0).contains("boom"), failures.get(0));
    }

    @Test
    void removedListenerReceivesNothing() {
        List<String> received = new ArrayList<>();
        RoomEventListener listener = e -> received.add(e.eventId());
        registry.add(listener, ListenerFilter.fromProperties(Map.of()));
        registry.remove(listener);
        registry.deliver(event("!a:x", "$1", "t"));
        assertEquals(List.of(), received);
    }
}
