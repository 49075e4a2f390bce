package org.mxagent.discovery.impl.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.Liveness;
import org.mxagent.discovery.api.WorkspaceStatus;
import org.mxagent.discovery.impl.liveness.LivenessRule;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.Load;

class WatchViewTest {
    static AgentView agent(String id, Liveness liveness, long lastActive) {
        AgentState state = new AgentState(id, "generic", "@bob:x", "DEV", "kid", "pk", "online", List.of(),
                List.of("fmt@1"), null, Load.DEFAULT, lastActive, 0, Map.of());
        return new AgentView("!r", state, lastActive, liveness, false);
    }

    static WorkspaceStatus status(List<AgentView> agents, ObjectNode workspace, Map<String, Integer> tasks) {
        return new WorkspaceStatus("!r", "n", "", "", "12", false, List.of(), List.of(), ProtocolJson.newObject(),
                workspace, agents, tasks);
    }

    @Test
    void theDigestFollowsWhatAWatcherShowsAndNotAges() throws Exception {
        ObjectNode workspace = ProtocolJson.parseObject("{\"project_id\":\"p\",\"state_rev\":1}");
        String base = WatchView.digest(status(List.of(agent("agt_a", Liveness.ACTIVE, 1_000)), workspace, Map.of()));
        assertEquals(base, WatchView.digest(status(List.of(agent("agt_a", Liveness.ACTIVE, 9_000)), workspace,
                Map.of())), "a newer heartbeat alone changes nothing shown");
        assertNotEquals(base, WatchView.digest(status(List.of(agent("agt_a", Liveness.STALE, 1_000)), workspace,
                Map.of())));
        assertNotEquals(base, WatchView.digest(status(List.of(), workspace, Map.of())));
        assertNotEquals(base, WatchView.digest(status(List.of(agent("agt_a", Liveness.ACTIVE, 1_000)),
                ProtocolJson.parseObject("{\"project_id\":\"p\",\"state_rev\":2}"), Map.of())));
        assertNotEquals(base, WatchView.digest(status(List.of(agent("agt_a", Liveness.ACTIVE, 1_000)), workspace,
                Map.of("running", 1))));
        assertEquals(22, base.length());
    }

    @Test
    void theNextLivenessTurnIsTheNearestStaleOrOfflineEdge() {
        LivenessRule rule = LivenessRule.PROTOCOL; // 30 s: stale at +90 s, offline at +300 s
        WorkspaceStatus two = status(List.of(agent("agt_a", Liveness.ACTIVE, 100_000),
                agent("agt_b", Liveness.STALE, 0)), null, Map.of());
        assertEquals(190_000, WatchView.nextLivenessChange(two, rule, 120_000));
        assertEquals(300_000, WatchView.nextLivenessChange(two, rule, 200_000));
        assertEquals(Long.MAX_VALUE, WatchView.nextLivenessChange(two, rule, 500_000));
        assertEquals(Long.MAX_VALUE, WatchView.nextLivenessChange(status(List.of(), null, Map.of()), rule, 0));
    }
}
