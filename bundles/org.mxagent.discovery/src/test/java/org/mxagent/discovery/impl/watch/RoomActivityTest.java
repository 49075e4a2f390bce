package org.mxagent.discovery.impl.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.transport.api.RoomEvent;

class RoomActivityTest {
    private final RoomActivity activity = new RoomActivity();

    private static RoomEvent event(String roomId) {
        ObjectNode raw = ProtocolJson.newObject().put("type", EventTypes.WORKSPACE).put("state_key", "")
                .put("sender", "@a:x").put("event_id", "$1");
        raw.putObject("content");
        return new RoomEvent(roomId, "$1", "@a:x", EventTypes.WORKSPACE, "", 1, raw);
    }

    @Test
    void aWaiterWakesOnAnEventOfItsRoomOnly() throws Exception {
        long seen = activity.revision("!r");
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> woke = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return activity.awaitAfter("!r", seen, 30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(waiting.await(10, TimeUnit.SECONDS));
        activity.onRoomEvent(event("!other"));
        activity.onRoomEvent(event("!r"));
        assertTrue(woke.get(10, TimeUnit.SECONDS));
        assertEquals(seen + 1, activity.revision("!r"));
        assertEquals(1, activity.revision("!other"));
    }

    @Test
    void withoutEventsTheWaitEndsAtItsDeadline() throws Exception {
        assertFalse(activity.awaitAfter("!r", 0, 50));
        activity.onRoomEvent(event("!r"));
        assertTrue(activity.awaitAfter("!r", 0, 0), "an event already past the seen revision returns at once");
    }
}
