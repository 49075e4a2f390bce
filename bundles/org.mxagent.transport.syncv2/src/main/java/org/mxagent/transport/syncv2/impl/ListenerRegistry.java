package org.mxagent.transport.syncv2.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;
import org.mxagent.transport.api.SyncListener;

/**
 * The whiteboard of listeners, as bound by DS. Delivery is in order, on the caller's (sync) thread; a
 * listener that throws is reported through {@code failureReporter} and does not stop the others.
 */
final class ListenerRegistry {
    private record Entry(RoomEventListener listener, ListenerFilter filter) {}

    private final List<Entry> roomListeners = new CopyOnWriteArrayList<>();
    private final List<SyncListener> syncListeners = new CopyOnWriteArrayList<>();
    private final BiConsumer<String, RuntimeException> failureReporter;

    ListenerRegistry(BiConsumer<String, RuntimeException> failureReporter) {
        this.failureReporter = failureReporter;
    }

    void add(RoomEventListener listener, ListenerFilter filter) {
        roomListeners.add(new Entry(listener, filter));
    }

    void remove(RoomEventListener listener) {
        roomListeners.removeIf(entry -> entry.listener() == listener);
    }

    void add(SyncListener listener) {
        syncListeners.add(listener);
    }

    void remove(SyncListener listener) {
        syncListeners.remove(listener);
    }

    void deliver(ObjectNode syncResponse) {
        for (SyncListener listener : syncListeners) {
            try {
                listener.onSyncResponse(syncResponse);
            } catch (RuntimeException e) {
                failureReporter.accept("sync listener " + listener.getClass().getName(), e);
            }
        }
    }

    /** Returns how many listeners received the event. */
    int deliver(RoomEvent event) {
        int delivered = 0;
        for (Entry entry : roomListeners) {
            if (!entry.filter().matches(event)) {
                continue;
            }
            try {
                entry.listener().onRoomEvent(event);
                delivered++;
            } catch (RuntimeException e) {
                failureReporter.accept("listener " + entry.listener().getClass().getName() + " on event "
                        + event.eventId() + " (" + event.type() + ")", e);
            }
        }
        return delivered;
    }
}
