package org.mxagent.context.impl;

import org.mxagent.context.api.ContextException;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MessagesPage;
import org.mxagent.transport.api.RoomEvent;

/** Walks a room's timeline backwards from the newest event, 100 per page, up to a bound, for shares. */
final class TimelineScanner {
    static final int PAGE = 100;

    /** Sees each {@code context.share} event, newest first; returns true to stop. */
    @FunctionalInterface
    interface Visitor {
        boolean visit(RoomEvent share) throws ContextException;
    }

    private TimelineScanner() {}

    /** Returns how many events were read. */
    static int scan(MatrixClient client, String roomId, int maxEvents, Visitor visitor)
            throws MatrixException, ContextException {
        String from = null;
        int scanned = 0;
        while (scanned < maxEvents) {
            MessagesPage page = client.messages(roomId, from, true, Math.min(PAGE, maxEvents - scanned));
            for (RoomEvent event : page.events()) {
                scanned++;
                if (EventTypes.CONTEXT_SHARE.equals(event.type()) && !event.isState() && visitor.visit(event)) {
                    return scanned;
                }
            }
            if (page.events().isEmpty() || page.end() == null || page.end().equals(from)) {
                return scanned;
            }
            from = page.end();
        }
        return scanned;
    }
}
