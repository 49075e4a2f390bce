package org.mxagent.discovery.impl.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mxagent.discovery.api.Liveness;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.sign.SigningKey;

class LivenessRuleTest {
    private static final long NOW = 1_800_000_000_000L;
    private static final String ALICE = "@alice:example.org";

    private final SigningKey key = SigningKey.generate();
    private final AgentState silent = Events.agent("agt_X", ALICE, key, NOW, "online");

    @Test
    void withoutAnAdvertisedPeriodTheThresholdsAreTheProtocolsNinetyAndThreeHundredSeconds() {
        LivenessRule rule = LivenessRule.PROTOCOL;
        assertEquals(30_000, rule.intervalOf(silent));
        assertEquals(Liveness.ACTIVE, rule.verdict(silent, NOW, NOW));
        assertEquals(Liveness.ACTIVE, rule.verdict(silent, NOW - 89_999, NOW));
        assertEquals(Liveness.STALE, rule.verdict(silent, NOW - 90_000, NOW));
        assertEquals(Liveness.STALE, rule.verdict(silent, NOW - 299_999, NOW));
        assertEquals(Liveness.OFFLINE, rule.verdict(silent, NOW - 300_000, NOW));
        assertEquals(Liveness.OFFLINE, rule.verdict(silent, 0, NOW));
    }

    @Test
    void anAdvertisedPeriodScalesTheThresholds() {
        AgentState everySecond = Events.agentEvery("agt_X", ALICE, key, NOW, 1_000);
        LivenessRule rule = LivenessRule.PROTOCOL;
        assertEquals(1_000, rule.intervalOf(everySecond));
        assertEquals(Liveness.ACTIVE, rule.verdict(everySecond, NOW - 2_999, NOW));
        assertEquals(Liveness.STALE, rule.verdict(everySecond, NOW - 3_000, NOW));
        assertEquals(Liveness.STALE, rule.verdict(everySecond, NOW - 9_999, NOW));
        assertEquals(Liveness.OFFLINE, rule.verdict(everySecond, NOW - 10_000, NOW));

        AgentState everyTwoMinutes = Events.agentEvery("agt_X", ALICE, key, NOW, 120_000);
        assertEquals(Liveness.ACTIVE, rule.verdict(everyTwoMinutes, NOW - 300_000, NOW),
                "a slow publisher is not stale after the default 90 s");
        assertEquals(Liveness.STALE, rule.verdict(everyTwoMinutes, NOW - 360_000, NOW));
        assertEquals(Liveness.OFFLINE, rule.verdict(everyTwoMinutes, NOW - 1_200_000, NOW));
    }

    @Test
    void advertisedPeriodsAreClampedToOneSecondAndOneHour() {
        LivenessRule rule = LivenessRule.PROTOCOL;
        assertEquals(1_000, rule.intervalOf(Events.agentEvery("agt_X", ALICE, key, NOW, 10)));
        assertEquals(3_600_000, rule.intervalOf(Events.agentEvery("agt_X", ALICE, key, NOW, 86_400_000)));
        assertEquals(Liveness.OFFLINE, rule.verdict(Events.agentEvery("agt_X", ALICE, key, NOW, Long.MAX_VALUE),
                NOW - 36_000_000, NOW), "a huge period cannot keep an agent active for ever");
    }

    @Test
    void anUnusableAdvertisedPeriodCountsAsAbsent() {
        for (JsonNode value : new JsonNode[] {ProtocolJson.nodes().numberNode(0), ProtocolJson.nodes().numberNode(-5),
            ProtocolJson.nodes().textNode("1000"), ProtocolJson.nodes().booleanNode(true),
            ProtocolJson.nodes().nullNode()}) {
            AgentState state = Events.agent("agt_X", ALICE, key, NOW, "online",
                    Map.of(HeartbeatInterval.FIELD, value));
            assertEquals(30_000, LivenessRule.PROTOCOL.intervalOf(state), value::toString);
        }
    }

    @Test
    void theConfiguredDefaultAppliesToAgentsThatDoNotAdvertise() {
        LivenessRule rule = new LivenessRule(2, 4, 5_000);
        assertEquals(Liveness.ACTIVE, rule.verdict(silent, NOW - 9_999, NOW));
        assertEquals(Liveness.STALE, rule.verdict(silent, NOW - 10_000, NOW));
        assertEquals(Liveness.OFFLINE, rule.verdict(silent, NOW - 20_000, NOW));
        AgentState everySecond = Events.agentEvery("agt_X", ALICE, key, NOW, 1_000);
        assertEquals(Liveness.STALE, rule.verdict(everySecond, NOW - 2_000, NOW), "advertised wins over default");
    }

    @Test
    void outOfRangeSettingsAreRefusedNamingTheSetting() {
        IllegalArgumentException stale = assertThrows(IllegalArgumentException.class,
                () -> new LivenessRule(0, 10, 30_000));
        assertTrue(stale.getMessage().startsWith("stale.after.intervals"), stale.getMessage());
        IllegalArgumentException offline = assertThrows(IllegalArgumentException.class,
                () -> new LivenessRule(3, 3, 30_000));
        assertTrue(offline.getMessage().startsWith("offline.after.intervals must be greater"), offline.getMessage());
        IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
                () -> new LivenessRule(3, 10, 999));
        assertEquals("default.heartbeat.interval.ms: heartbeat interval must be between 1 s and 1 h "
                + "(1000..3600000 ms), got 999 ms", interval.getMessage());
    }

    @Test
    void aTimeInTheFutureCountsAsJustSeen() {
        assertEquals(Liveness.ACTIVE, LivenessRule.PROTOCOL.verdict(silent, NOW + 3_600_000, NOW));
    }

    @Test
    void publishedOfflineStatusIsOfflineWhateverTheTimes() {
        AgentState gone = Events.agent("agt_X", ALICE, key, NOW, "offline");
        assertEquals(Liveness.OFFLINE, LivenessRule.PROTOCOL.verdict(gone, NOW, NOW));
        assertEquals(Liveness.ACTIVE, LivenessRule.PROTOCOL.verdict(silent, NOW, NOW));
    }

    @Test
    void claimedTimesAreCappedAtTheHomeserversReceiptTime() {
        assertEquals(NOW, LivenessJudge.bounded(NOW + 3_600_000, NOW));
        assertEquals(NOW - 5, LivenessJudge.bounded(NOW - 5, NOW));
        assertEquals(NOW + 7, LivenessJudge.bounded(NOW + 7, 0), "unknown receipt time leaves the claim");
    }

    @Test
    void publisherBounds() {
        assertEquals(null, HeartbeatInterval.problem(1_000));
        assertEquals(null, HeartbeatInterval.problem(3_600_000));
        assertTrue(HeartbeatInterval.problem(999).contains("between 1 s and 1 h"));
        assertTrue(HeartbeatInterval.problem(3_600_001).contains("got 3600001 ms"));
    }

    @Test
    void wireNames() {
        assertEquals("active", Liveness.ACTIVE.wire());
        assertEquals("stale", Liveness.STALE.wire());
        assertEquals("offline", Liveness.OFFLINE.wire());
    }
}
