package org.mxagent.discovery.impl.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.Liveness;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.sign.SigningKey;

class RoomLivenessTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final String ALICE = "@alice:example.org";
    private static final String MALLORY = "@mallory:example.org";

    private final SigningKey key = SigningKey.generate();
    private final String agentId = Ids.newAgentId();
    private final RoomLiveness room = new RoomLiveness(Events.ROOM);

    @Test
    void lastSeenAloneGivesTheVerdict() {
        assertNull(room.offer(Events.state(ALICE, Events.agent(agentId, ALICE, key, NOW - 200_000, "online"),
                NOW - 200_000)));
        AgentView view = only(room.views(NOW, id -> false, LivenessRule.PROTOCOL));
        assertEquals(Liveness.STALE, view.liveness());
        assertEquals(NOW - 200_000, view.lastActiveMillis());
        assertEquals(Events.ROOM, view.roomId());
    }

    @Test
    void theNewerOfLastSeenAndHeartbeatCounts() {
        room.offer(Events.state(ALICE, Events.agent(agentId, ALICE, key, NOW - 400_000, "online"), NOW - 400_000));
        assertEquals(Liveness.OFFLINE, only(room.views(NOW, id -> false, LivenessRule.PROTOCOL)).liveness());
        assertNull(room.offer(Events.heartbeat(ALICE, agentId, NOW - 10_000, NOW - 10_000)));
        AgentView view = only(room.views(NOW, id -> true, LivenessRule.PROTOCOL));
        assertEquals(Liveness.ACTIVE, view.liveness());
        assertEquals(NOW - 10_000, view.lastActiveMillis());
        assertTrue(view.hosted());
    }

    @Test
    void heartbeatsBeforeTheStateAreKeptAndCountOnceItArrives() {
        room.offer(Events.heartbeat(ALICE, agentId, NOW - 1_000, NOW - 1_000));
        assertTrue(room.views(NOW, id -> false, LivenessRule.PROTOCOL).isEmpty(), "no agent.v1 yet: not listed");
        room.offer(Events.state(ALICE, Events.agent(agentId, ALICE, key, NOW - 400_000, "online"), NOW - 400_000));
        assertEquals(Liveness.ACTIVE, only(room.views(NOW, id -> false, LivenessRule.PROTOCOL)).liveness());
    }

    @Test
    void aHeartbeatFromAnotherAccountDoesNotCount() {
        room.offer(Events.state(ALICE, Events.agent(agentId, ALICE, key, NOW - 400_000, "online"), NOW - 400_000));
        room.offer(Events.heartbeat(MALLORY, agentId, NOW, NOW));
        AgentView view = only(room.views(NOW, id -> false, LivenessRule.PROTOCOL));
        assertEquals(Liveness.OFFLINE, view.liveness(), "sender-pinned: Mallory cannot keep Alice's agent alive");
        assertEquals(NOW - 400_000, view.lastActiveMillis());
    }

    @Test
    void futureTimestampsAreCappedAtReceiptAndClampedAtQuery() {
        // Claims an hour ahead, received now: counts as received now, not as an hour of liveness credit.
        room.offer(Events.state(ALICE, Events.agent(agentId, ALICE, key, NOW + 3_600_000, "online"), NOW));
        AgentView view = only(room.views(NOW + 200_000, id -> false, LivenessRule.PROTOCOL));
        assertEquals(NOW, view.lastActiveMillis());
        assertEquals(Liveness.STALE, view.liveness());
        // Receipt time ahead of our clock (server clock skew): clamped to "just seen".
        assertEquals(Liveness.ACTIVE, only(room.views(NOW - 60_000, id -> false, LivenessRule.PROTOCOL)).liveness());
    }

    @Test
    void aFastPublisherGoesStaleThenOfflineAfterItsOwnPeriodsAndFutureClaimsStillDoNotHelp() {
        room.offer(Events.state(ALICE, Events.agentEvery(agentId, ALICE, key, NOW - 60_000, 1_000), NOW - 60_000));
        // A heartbeat claiming a time far ahead, received 2 s before now: it counts as received 2 s ago.
        room.offer(Events.heartbeat(ALICE, agentId, NOW + 3_600_000, NOW - 2_000));
        AgentView view = only(room.views(NOW, id -> false, LivenessRule.PROTOCOL));
        assertEquals(NOW - 2_000, view.lastActiveMillis());
        assertEquals(Liveness.ACTIVE, view.liveness());
        assertEquals(Liveness.STALE, only(room.views(NOW + 1_000, id -> false, LivenessRule.PROTOCOL)).liveness(),
                "3 s of silence = 3 missed 1 s heartbeats");
        assertEquals(Liveness.OFFLINE, only(room.views(NOW + 8_000, id -> false, LivenessRule.PROTOCOL)).liveness(),
                "10 s of silence");
        room.offer(Events.heartbeat(ALICE, agentId, NOW + 8_000, NOW + 8_000));
        assertEquals(Liveness.ACTIVE, only(room.views(NOW + 8_500, id -> false, LivenessRule.PROTOCOL)).liveness(),
                "heartbeats resume: active again");
    }

    @Test
    void anAgentStateWhosePublishedKeyDoesNotHashToItsKeyIdIsRefused() {
        AgentState honest = Events.agent(agentId, ALICE, key, NOW, "online");
        var content = ProtocolCodec.encode(honest);
        content.put("signing_public_key", SigningKey.generate().publicKeyBase64());
        String reason = room.offer(Events.state(ALICE, agentId, content, NOW));
        assertNotNull(reason);
        assertTrue(reason.contains("does not hash"), reason);
        assertTrue(room.views(NOW, id -> false, LivenessRule.PROTOCOL).isEmpty());
    }

    @Test
    void anAgentStateWrittenByAnotherAccountIsRefused() {
        String reason = room.offer(Events.state(MALLORY, Events.agent(agentId, ALICE, key, NOW, "online"), NOW));
        assertNotNull(reason);
        assertTrue(reason.contains("written by " + MALLORY), reason);
        assertTrue(room.views(NOW, id -> false, LivenessRule.PROTOCOL).isEmpty());
    }

    @Test
    void stateKeyMustBeTheAgentId() {
        AgentState state = Events.agent(agentId, ALICE, key, NOW, "online");
        String reason = room.offer(Events.state(ALICE, Ids.newAgentId(), ProtocolCodec.encode(state), NOW));
        assertNotNull(reason);
        assertTrue(room.views(NOW, id -> false, LivenessRule.PROTOCOL).isEmpty());
    }

    @Test
    void theNewestStateWinsAndANewerRefusedStateHidesTheAgent() {
        room.offer(Events.state(ALICE, Events.agent(agentId, ALICE, key, NOW - 1_000, "online"), NOW - 1_000));
        // An older event delivered late (e.g. by seeding) does not replace the newer one.
        room.offer(Events.state(ALICE, Events.agent(agentId, ALICE, key, NOW - 500_000, "online"), NOW - 500_000));
        assertEquals(Liveness.ACTIVE, only(room.views(NOW, id -> false, LivenessRule.PROTOCOL)).liveness());
        // The room's current state for that key is now malformed (e.g. emptied): the agent is gone.
        room.offer(Events.state(ALICE, agentId, ProtocolJson.newObject(), NOW));
        assertTrue(room.views(NOW, id -> false, LivenessRule.PROTOCOL).isEmpty());
    }

    @Test
    void publishedOfflineStatusMakesTheAgentOfflineAtOnce() {
        room.offer(Events.state(ALICE, Events.agent(agentId, ALICE, key, NOW, "offline"), NOW));
        assertEquals(Liveness.OFFLINE, only(room.views(NOW, id -> false, LivenessRule.PROTOCOL)).liveness());
    }

    @Test
    void malformedHeartbeatsAreRefused() throws Exception {
        String reason = room.offer(Events.event(ALICE, "com.mxagent.heartbeat.v1", null,
                ProtocolJson.parseObject("{\"agent_id\":\"x\"}"), NOW));
        assertNotNull(reason);
    }

    private static AgentView only(List<AgentView> views) {
        assertEquals(1, views.size(), "agents listed: " + views);
        return views.get(0);
    }
}
