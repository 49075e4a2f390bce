package org.mxagent.shell.impl;

import java.time.Instant;
import org.mxagent.transport.api.RoomEvent;

/** One line per event for {@code mx:tail}: time, sender, type, and the body or compact content. */
final class EventFormat {
    private static final int MAX_CONTENT = 200;

    private EventFormat() {}

    static String line(RoomEvent event) {
        String body = event.content().path("body").isTextual() ? event.content().get("body").asText()
                : event.content().toString();
        if (body.length() > MAX_CONTENT) {
            body = body.substring(0, MAX_CONTENT) + "…";
        }
        return Instant.ofEpochMilli(event.originServerTs()) + " " + event.sender() + " " + event.type()
                + (event.isState() ? "[" + event.stateKey() + "]" : "") + " " + body;
    }
}
