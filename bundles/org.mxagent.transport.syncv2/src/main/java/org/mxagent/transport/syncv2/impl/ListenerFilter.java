package org.mxagent.transport.syncv2.impl;

import java.util.List;
import java.util.Map;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;

/**
 * Which events a listener asked for, from its service properties: exact event types or prefixes ending in
 * {@code *}, and room ids. An absent property matches everything.
 */
record ListenerFilter(List<String> types, List<String> rooms) {

    static ListenerFilter fromProperties(Map<String, ?> properties) {
        return new ListenerFilter(strings(properties.get(RoomEventListener.EVENT_TYPES)),
                strings(properties.get(RoomEventListener.ROOMS)));
    }

    boolean matches(RoomEvent event) {
        return (rooms.isEmpty() || rooms.contains(event.roomId())) && (types.isEmpty() || typeMatches(event.type()));
    }

    private boolean typeMatches(String type) {
        for (String pattern : types) {
            if (pattern.endsWith("*") ? type.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof Iterable<?> iterable) {
            java.util.ArrayList<String> list = new java.util.ArrayList<>();
            iterable.forEach(item -> list.add(String.valueOf(item)));
            return List.copyOf(list);
        }
        return List.of(String.valueOf(value));
    }
}
