package org.mxagent.itest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;

/**
 * A whiteboard listener that records the ping events of one test run: every delivery of every event id (so
 * duplicates show), the order of first deliveries, and latches the test waits on. Runs on the sync thread,
 * so it only records.
 */
final class PingRecorder implements RoomEventListener {

    /** The event type the test sends and listens for. */
    static final String TYPE = "org.mxagent.test.ping";

    private final String roomId;
    private final String runId;
    private final Map<String, Integer> deliveries = new LinkedHashMap<>();
    private final List<Integer> firstDeliveryOrder = new ArrayList<>();
    private final List<String> foreign = new ArrayList<>();
    private final CountDownLatch allPings;
    private final CountDownLatch swapPoint;
    private final CountDownLatch fence = new CountDownLatch(1);

    /** Expects {@code pings} ping events; {@link #swapPoint()} opens after {@code swapAfter} of them. */
    PingRecorder(String roomId, String runId, int pings, int swapAfter) {
        this.roomId = roomId;
        this.runId = runId;
        this.allPings = new CountDownLatch(pings);
        this.swapPoint = new CountDownLatch(swapAfter);
    }

    @Override
    public void onRoomEvent(RoomEvent event) {
        JsonNode content = event.content();
        synchronized (this) {
            if (!roomId.equals(event.roomId()) || !PingRecorder.TYPE.equals(event.type())
                    || !runId.equals(content.path("run").asText())) {
                // the transport's filter should never let these through
                foreign.add(event.type() + " " + event.eventId() + " in " + event.roomId());
                return;
            }
            if (content.path("fence").asBoolean(false)) {
                fence.countDown();
                return;
            }
            int times = deliveries.merge(event.eventId(), 1, Integer::sum);
            if (times == 1) {
                firstDeliveryOrder.add(content.path("seq").asInt(-1));
                allPings.countDown();
                swapPoint.countDown();
            }
        }
    }

    CountDownLatch allPings() {
        return allPings;
    }

    CountDownLatch swapPoint() {
        return swapPoint;
    }

    CountDownLatch fence() {
        return fence;
    }

    synchronized List<String> deliveredIds() {
        return List.copyOf(deliveries.keySet());
    }

    synchronized int distinctDelivered() {
        return deliveries.size();
    }

    /** Event ids delivered more than once, with how often. */
    synchronized Map<String, Integer> duplicates() {
        return deliveries.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The {@code seq} of each ping in the order it was first delivered. */
    synchronized List<Integer> firstDeliveryOrder() {
        return List.copyOf(firstDeliveryOrder);
    }

    synchronized List<String> foreign() {
        return List.copyOf(foreign);
    }
}
