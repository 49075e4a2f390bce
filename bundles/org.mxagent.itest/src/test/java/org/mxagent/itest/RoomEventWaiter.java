package org.mxagent.itest;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Records the events of some types in one room, as the runtime's sync loop delivers them, and lets a test wait
 * for one that matches (a monitor with a deadline: no sleeping). Unregister with {@link #close()}.
 */
final class RoomEventWaiter implements RoomEventListener, AutoCloseable {
    private final List<RoomEvent> events = new ArrayList<>();
    private final ServiceRegistration<RoomEventListener> registration;

    /** A test-only event type: see {@link #fence}. */
    static final String FENCE = "org.mxagent.itest.fence";

    private final String roomId;

    RoomEventWaiter(BundleContext context, String roomId, String... types) {
        this.roomId = roomId;
        List<String> filter = new ArrayList<>(List.of(types));
        filter.add(FENCE);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(RoomEventListener.ROOMS, roomId);
        properties.put(RoomEventListener.EVENT_TYPES, filter.toArray(String[]::new));
        this.registration = context.registerService(RoomEventListener.class, this, properties);
    }

    /**
     * Sends a fence event and waits until it is delivered. The sync loop hands each event to every listener
     * before the next one, so afterwards every listener (the runtime's own, not just this one) has seen all the
     * events that came before the fence.
     */
    void fence(MatrixClient client, Duration timeout) throws Exception {
        String id = UUID.randomUUID().toString();
        ObjectNode content = ProtocolJson.newObject().put("fence", id);
        client.sendEvent(roomId, FENCE, content);
        await("fence " + id, e -> FENCE.equals(e.type()) && id.equals(e.content().path("fence").asText()),
                timeout);
    }

    @Override
    public synchronized void onRoomEvent(RoomEvent event) {
        events.add(event);
        notifyAll();
    }

    /** The first recorded event that matches, waiting up to {@code timeout} for it. */
    synchronized RoomEvent await(String what, Predicate<RoomEvent> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (RoomEvent event : events) {
                if (match.test(event)) {
                    return event;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail("timed out after %s waiting for %s; saw %d events: %s", timeout, what, events.size(),
                        summary());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private String summary() {
        List<String> lines = new ArrayList<>();
        for (RoomEvent event : events) {
            lines.add(event.type() + " " + event.sender() + " " + event.content());
        }
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
