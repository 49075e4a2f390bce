package org.mxagent.transport.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard listener: register as an OSGi service to receive room events from the sync loop, in room
 * timeline order. Filter with the service properties {@link #EVENT_TYPES} (exact types, or prefixes ending
 * in {@code *}) and {@link #ROOMS}; without them a listener receives everything.
 *
 * <p>Called on the sync thread: return quickly and hand real work to an executor. An exception thrown here
 * is logged with the event id and does not stop delivery to other listeners.
 */
@ConsumerType
public interface RoomEventListener {

    /** Service property: event types to deliver ({@code com.mxagent.*} style prefixes allowed). */
    String EVENT_TYPES = "mxagent.event.types";

    /** Service property: room ids to deliver. */
    String ROOMS = "mxagent.rooms";

    void onRoomEvent(RoomEvent event);
}
