package org.mxagent.discovery.impl.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.Liveness;
import org.mxagent.discovery.impl.FakeMatrixClient;
import org.mxagent.discovery.impl.Loggers;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.sign.SigningKey;

class LivenessTrackerTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final String ALICE = "@alice:example.org";

    private final SigningKey key = SigningKey.generate();
    private final String agentId = Ids.newAgentId();
    private final LivenessTracker tracker = new LivenessTracker(Loggers.silent(),
            Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC), LivenessRule.PROTOCOL);

    @Test
    void firstQuerySeedsFromStateAndOnePageThenSyncKeepsItCurrent() throws Exception {
        FakeMatrixClient client = new FakeMatrixClient(ALICE);
        client.state.add(Events.state(ALICE, Events.agent(agentId, ALICE, key, NOW - 400_000, "online"),
                NOW - 400_000));
        client.newestFirst.add(Events.heartbeat(ALICE, agentId, NOW - 120_000, NOW - 120_000));
        tracker.bindClient(client);

        assertEquals(Liveness.STALE, only(tracker.agents(Events.ROOM, id -> false)).liveness());
        tracker.onRoomEvent(Events.heartbeat(ALICE, agentId, NOW - 5_000, NOW - 5_000));
        assertEquals(Liveness.ACTIVE, only(tracker.agents(Events.ROOM, id -> false)).liveness());
        assertEquals(1, client.stateReads.get(), "seeded once");
        assertEquals(1, client.pageReads.get(), "one /messages page, not a thousand events");
    }

    @Test
    void aNewSessionStartsAfreshAndSeedsAgain() throws Exception {
        FakeMatrixClient first = new FakeMatrixClient(ALICE);
        first.state.add(Events.state(ALICE, Events.agent(agentId, ALICE, key, NOW, "online"), NOW));
        tracker.bindClient(first);
        assertEquals(1, tracker.agents(Events.ROOM, id -> false).size());

        FakeMatrixClient second = new FakeMatrixClient("@bob:example.org");
        tracker.bindClient(second);
        tracker.unbindClient(first);
        assertEquals(List.of(), tracker.agents(Events.ROOM, id -> false), "bob's view of the room is empty");
        assertEquals(1, second.stateReads.get());
    }

    @Test
    void reconfiguredThresholdsApplyToTheNextQueryAndABadConfigurationKeepsTheRule() throws Exception {
        FakeMatrixClient client = new FakeMatrixClient(ALICE);
        client.state.add(Events.state(ALICE, Events.agent(agentId, ALICE, key, NOW - 20_000, "online"), NOW - 20_000));
        tracker.bindClient(client);
        assertEquals(Liveness.ACTIVE, only(tracker.agents(Events.ROOM, id -> false)).liveness());

        tracker.modified(config(3, 10, 5_000));
        assertEquals(new LivenessRule(3, 10, 5_000), tracker.rule());
        assertEquals(Liveness.STALE, only(tracker.agents(Events.ROOM, id -> false)).liveness(),
                "20 s is more than 3 periods of 5 s");

        tracker.modified(config(5, 4, 5_000));
        assertEquals(new LivenessRule(3, 10, 5_000), tracker.rule(), "offline before stale: refused");
    }

    private static LivenessConfig config(long stale, long offline, long interval) {
        return new LivenessConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return LivenessConfig.class;
            }

            @Override
            public long stale_after_intervals() {
                return stale;
            }

            @Override
            public long offline_after_intervals() {
                return offline;
            }

            @Override
            public long default_heartbeat_interval_ms() {
                return interval;
            }
        };
    }

    @Test
    void withoutASessionAQueryAsksToLogIn() {
        DiscoveryException e = assertThrows(DiscoveryException.class, () -> tracker.agents(Events.ROOM, id -> false));
        assertEquals(DiscoveryException.Kind.NOT_LOGGED_IN, e.kind());
    }

    private static AgentView only(List<AgentView> views) {
        assertEquals(1, views.size(), "agents listed: " + views);
        return views.get(0);
    }
}
