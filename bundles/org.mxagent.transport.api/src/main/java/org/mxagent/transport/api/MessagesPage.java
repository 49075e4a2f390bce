package org.mxagent.transport.api;

import java.util.List;

/** One {@code /messages} page; {@code end} is null when there is nothing further. */
public record MessagesPage(List<RoomEvent> events, String start, String end) {
    public MessagesPage {
        events = List.copyOf(events);
    }
}
