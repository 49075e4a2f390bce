package org.mxagent.discovery.impl.watch;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;
import org.osgi.service.component.annotations.Component;

/**
 * Counts, per room, the sync events that can change what {@code workspace status --watch} shows ({@code agent.v1},
 * heartbeats, {@code workspace.v1}, {@code task.v1}), and wakes the watchers waiting on that room. Nothing polls:
 * a watcher sleeps on a condition until sync delivers such an event or its own deadline passes.
 */
@Component(service = {RoomActivity.class, RoomEventListener.class}, property = {
    RoomEventListener.EVENT_TYPES + "=" + EventTypes.AGENT,
    RoomEventListener.EVENT_TYPES + "=" + EventTypes.HEARTBEAT,
    RoomEventListener.EVENT_TYPES + "=" + EventTypes.WORKSPACE,
    RoomEventListener.EVENT_TYPES + "=" + EventTypes.TASK})
public final class RoomActivity implements RoomEventListener {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Long> revisions = new HashMap<>();

    /** On the sync thread: a counter and a signal, nothing else. */
    @Override
    public void onRoomEvent(RoomEvent event) {
        lock.lock();
        try {
            revisions.merge(event.roomId(), 1L, Long::sum);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many such events of the room sync has delivered so far. */
    public long revision(String roomId) {
        lock.lock();
        try {
            return revisions.getOrDefault(roomId, 0L);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the room's revision is past {@code seen} or {@code waitMillis} have passed.
     *
     * @return true if something happened in the room
     */
    public boolean awaitAfter(String roomId, long seen, long waitMillis) throws InterruptedException {
        long remaining = TimeUnit.MILLISECONDS.toNanos(waitMillis);
        lock.lock();
        try {
            while (revisions.getOrDefault(roomId, 0L) == seen) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
