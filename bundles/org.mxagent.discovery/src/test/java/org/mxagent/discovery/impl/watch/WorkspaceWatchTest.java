package org.mxagent.discovery.impl.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.Liveness;
import org.mxagent.discovery.api.PublicRoom;
import org.mxagent.discovery.api.WorkspaceAttachment;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.api.WorkspaceSpec;
import org.mxagent.discovery.api.WorkspaceStatus;
import org.mxagent.discovery.api.WorkspaceSummary;
import org.mxagent.discovery.impl.liveness.LivenessRule;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.transport.api.RoomEvent;

/** The long poll: at once for a new watcher, on a room event, at a liveness edge, else at the deadline. */
class WorkspaceWatchTest {
    private static final String ROOM = "!r";

    private final RoomActivity activity = new RoomActivity();
    private final AtomicReference<LongFunction<WorkspaceStatus>> statusAt = new AtomicReference<>();
    private final AtomicInteger looks = new AtomicInteger();
    private final Clock clock = Clock.systemUTC();
    private final WorkspaceWatch watch = new WorkspaceWatch(new StatusOnly(), activity, () -> LivenessRule.PROTOCOL,
            clock);

    private void showing(WorkspaceStatus status) {
        statusAt.set(now -> status);
    }

    private static RoomEvent event() {
        ObjectNode raw = ProtocolJson.newObject().put("type", EventTypes.WORKSPACE).put("state_key", "")
                .put("sender", "@a:x").put("event_id", "$1");
        raw.putObject("content");
        return new RoomEvent(ROOM, "$1", "@a:x", EventTypes.WORKSPACE, "", 1, raw);
    }

    @Test
    void aNewWatcherGetsTheStatusAtOnceAndAnUnchangedOneAtTheDeadline() throws Exception {
        showing(WatchViewTest.status(List.of(), null, Map.of()));
        WorkspaceWatch.Change first = watch.await(ROOM, "", 10_000);
        assertTrue(first.changed());
        WorkspaceWatch.Change second = watch.await(ROOM, first.digest(), 100);
        assertFalse(second.changed());
        assertEquals(first.digest(), second.digest());
    }

    @Test
    void aRoomEventWakesTheWatcherWhichAnswersOnlyOnAVisibleChange() throws Exception {
        showing(WatchViewTest.status(List.of(), null, Map.of()));
        String seen = watch.await(ROOM, "", 10_000).digest();
        CompletableFuture<WorkspaceWatch.Change> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return watch.await(ROOM, seen, 30_000);
            } catch (DiscoveryException e) {
                throw new IllegalStateException(e);
            }
        });
        int before = looks.get();
        activity.onRoomEvent(event()); // e.g. a heartbeat: the status looks the same, the watcher keeps waiting
        assertFalse(pending.isDone() && pending.get().changed());
        showing(WatchViewTest.status(List.of(), null, Map.of("running", 1)));
        activity.onRoomEvent(event());
        WorkspaceWatch.Change change = pending.get(10, TimeUnit.SECONDS);
        assertTrue(change.changed());
        assertNotEquals(seen, change.digest());
        assertEquals(Map.of("running", 1), change.status().tasks());
        assertTrue(looks.get() > before, "it looked again after the events");
    }

    @Test
    void aLivenessEdgeWakesTheWatcherWithoutAnyEvent() throws Exception {
        // Last seen 90 s minus 300 ms ago at the protocol's 30 s period: stale in 300 ms.
        long lastActive = clock.millis() - 90_000 + 300;
        LivenessRule rule = LivenessRule.PROTOCOL;
        statusAt.set(now -> WatchViewTest.status(List.of(WatchViewTest.agent("agt_a", rule.verdict(
                WatchViewTest.agent("agt_a", Liveness.ACTIVE, lastActive).state(), lastActive, now), lastActive)),
                null, Map.of()));
        String seen = watch.await(ROOM, "", 10_000).digest();
        long started = System.nanoTime();
        WorkspaceWatch.Change change = watch.await(ROOM, seen, 20_000);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(change.changed(), "answered at the edge, not at the 20 s deadline");
        assertEquals(Liveness.STALE, change.status().agents().get(0).liveness());
        assertTrue(waitedMillis < 10_000, "waited " + waitedMillis + " ms");
    }

    /** A workspace service that only answers status, from {@link #statusAt} at the current time. */
    private final class StatusOnly implements WorkspaceService {
        @Override
        public WorkspaceStatus status(String room) {
            looks.incrementAndGet();
            return statusAt.get().apply(clock.millis());
        }

        @Override
        public WorkspaceSummary create(WorkspaceSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public WorkspaceSummary join(String roomIdOrAlias) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String grant(String room, String userId, int level) {
            throw new UnsupportedOperationException();
        }

        @Override
        public WorkspaceAttachment attach(String room, Path path, String projectId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<WorkspaceSummary> list() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PublicRoom> discover(String searchTerm, int limit) {
            throw new UnsupportedOperationException();
        }
    }
}
