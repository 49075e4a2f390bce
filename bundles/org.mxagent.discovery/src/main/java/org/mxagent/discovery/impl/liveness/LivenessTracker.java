package org.mxagent.discovery.impl.liveness;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.impl.MatrixFailures;
import org.mxagent.discovery.impl.Rooms;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MessagesPage;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The local view of agents and heartbeats per room, so a liveness query does not page a thousand events.
 * Sync feeds it ({@code agent.v1} state and heartbeats, through the listener whiteboard); the first query about
 * a room seeds it from the room's state and one {@code /messages} page. A new Matrix session starts it afresh,
 * since sync stops covering rooms the old account was in.
 */
@Component(service = {LivenessTracker.class, RoomEventListener.class}, configurationPid = LivenessConfig.PID,
        property = {
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.AGENT,
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.HEARTBEAT})
@Designate(ocd = LivenessConfig.class)
public final class LivenessTracker implements RoomEventListener {
    /** Events read backwards from the newest when a room is seeded: one page. */
    static final int SEED_PAGE = 100;

    private final Logger log;
    private final Clock clock;
    private final Map<String, RoomLiveness> rooms = new ConcurrentHashMap<>();
    private volatile MatrixClient client;
    private volatile LivenessRule rule;

    @Activate
    public LivenessTracker(LivenessConfig config, @Reference(service = LoggerFactory.class) Logger log) {
        this(log, Clock.systemUTC(), accepted(config, LivenessRule.PROTOCOL, log));
    }

    LivenessTracker(Logger log, Clock clock, LivenessRule rule) {
        this.log = log;
        this.clock = clock;
        this.rule = rule;
    }

    /** New thresholds apply to the next query. */
    @Modified
    void modified(LivenessConfig config) {
        rule = accepted(config, rule, log);
    }

    /**
     * The rule {@code config} asks for, or {@code current} if the configuration is out of range: discovery keeps
     * working and the error says which setting to fix.
     */
    private static LivenessRule accepted(LivenessConfig config, LivenessRule current, Logger log) {
        try {
            LivenessRule rule = LivenessRule.of(config);
            if (!rule.equals(current)) {
                log.info("liveness: {}", describe(rule));
            }
            return rule;
        } catch (IllegalArgumentException e) {
            log.error("configuration {} refused ({}); keeping {}", LivenessConfig.PID, e.getMessage(),
                    describe(current));
            return current;
        }
    }

    /** The rule queries use now. */
    public LivenessRule rule() {
        return rule;
    }

    private static String describe(LivenessRule rule) {
        return "stale after " + rule.staleAfterIntervals() + " and offline after " + rule.offlineAfterIntervals()
                + " heartbeat periods (" + rule.defaultIntervalMillis() + " ms unless advertised)";
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindClient(MatrixClient client) {
        this.client = client;
        rooms.clear();
    }

    void unbindClient(MatrixClient client) {
        if (this.client == client) {
            this.client = null;
            rooms.clear();
        }
    }

    /** On the sync thread: only map updates, no I/O. */
    @Override
    public void onRoomEvent(RoomEvent event) {
        String refused = room(event.roomId()).offer(event);
        if (refused != null) {
            log.debug("ignored {} {} in {}: {}", event.type(), event.eventId(), event.roomId(), refused);
        }
    }

    /**
     * The accepted agents of {@code roomId} (a room id, not an alias) with their liveness now; seeds the room
     * from the homeserver on the first call.
     */
    public List<AgentView> agents(String roomId, Predicate<String> hosted) throws DiscoveryException {
        RoomLiveness room = room(roomId);
        if (!room.isSeeded()) {
            seed(Rooms.require(client), roomId, room);
        }
        return room.views(clock.millis(), hosted, rule);
    }

    private void seed(MatrixClient current, String roomId, RoomLiveness room) throws DiscoveryException {
        // Concurrent seeds of one room are harmless (offers merge); the lock just saves the duplicate requests.
        synchronized (room) {
            if (room.isSeeded()) {
                return;
            }
            try {
                for (RoomEvent event : current.roomState(roomId)) {
                    if (EventTypes.AGENT.equals(event.type())) {
                        offerQuietly(room, event);
                    }
                }
                MessagesPage page = current.messages(roomId, null, true, SEED_PAGE);
                for (RoomEvent event : page.events()) {
                    if (EventTypes.HEARTBEAT.equals(event.type()) || EventTypes.AGENT.equals(event.type())) {
                        offerQuietly(room, event);
                    }
                }
            } catch (MatrixException e) {
                throw MatrixFailures.wrap("read the agents of " + roomId, e);
            }
            room.markSeeded();
        }
    }

    private void offerQuietly(RoomLiveness room, RoomEvent event) {
        String refused = room.offer(event);
        if (refused != null) {
            log.debug("seed of {}: ignored {} {}: {}", event.roomId(), event.type(), event.eventId(), refused);
        }
    }

    private RoomLiveness room(String roomId) {
        return rooms.computeIfAbsent(roomId, RoomLiveness::new);
    }
}
