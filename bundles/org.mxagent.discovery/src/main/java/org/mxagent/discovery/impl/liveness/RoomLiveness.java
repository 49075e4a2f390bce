package org.mxagent.discovery.impl.liveness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.Heartbeat;
import org.mxagent.transport.api.RoomEvent;

/**
 * The agents of one room and their newest heartbeats, fed in any order by sync and by seeding. Thread-safe:
 * the sync thread offers events while query threads read.
 *
 * <p>{@code agent.v1} mirrors room state: per state key the newest event (by homeserver time) wins, and if that
 * newest event is refused, the agent is not listed (an overwritten or forged state is not the old one).
 * Heartbeats are kept per agent id and per sender; only those from the agent's own {@code matrix_user_id} count.
 */
final class RoomLiveness {
    /** The newest {@code agent.v1} event seen for a state key, accepted ({@code record != null}) or not. */
    private record Slot(long originServerTs, AgentRecord record) {}

    private final String roomId;
    private final Map<String, Slot> agents = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> heartbeats = new ConcurrentHashMap<>();
    private volatile boolean seeded;

    RoomLiveness(String roomId) {
        this.roomId = roomId;
    }

    /** Offers a room event; returns null if it counted, else why not (for the debug log). */
    String offer(RoomEvent event) {
        if (EventTypes.AGENT.equals(event.type()) && event.isState()) {
            return offerAgentState(event);
        }
        if (EventTypes.HEARTBEAT.equals(event.type()) && !event.isState()) {
            return offerHeartbeat(event);
        }
        return "not an agent.v1 state or heartbeat event";
    }

    private String offerAgentState(RoomEvent event) {
        Acceptance.Result<AgentState> result = Acceptance.agentState(event);
        AgentRecord record = result.isAccepted()
                ? new AgentRecord(result.value(), event.eventId(), event.originServerTs()) : null;
        agents.merge(event.stateKey(), new Slot(event.originServerTs(), record),
                (old, offered) -> offered.originServerTs() >= old.originServerTs() ? offered : old);
        return result.reason();
    }

    private String offerHeartbeat(RoomEvent event) {
        Acceptance.Result<Heartbeat> result = Acceptance.heartbeat(event);
        if (!result.isAccepted()) {
            return result.reason();
        }
        long ts = LivenessJudge.bounded(result.value().ts(), event.originServerTs());
        heartbeats.computeIfAbsent(result.value().agentId(), id -> new ConcurrentHashMap<>())
                .merge(event.sender(), ts, Math::max);
        return null;
    }

    boolean isSeeded() {
        return seeded;
    }

    void markSeeded() {
        seeded = true;
    }

    /** The accepted agents with their verdicts at {@code nowMillis} under {@code rule}, ordered by agent id. */
    List<AgentView> views(long nowMillis, Predicate<String> hosted, LivenessRule rule) {
        List<AgentView> views = new ArrayList<>();
        for (Slot slot : agents.values()) {
            if (slot.record() != null) {
                views.add(view(slot.record(), nowMillis, hosted, rule));
            }
        }
        views.sort(Comparator.comparing(AgentView::agentId));
        return views;
    }

    private AgentView view(AgentRecord record, long nowMillis, Predicate<String> hosted, LivenessRule rule) {
        AgentState state = record.state();
        long lastActive = LivenessJudge.bounded(state.lastSeenTs(), record.originServerTs());
        Long heartbeat = heartbeats.getOrDefault(state.agentId(), Map.of()).get(state.matrixUserId());
        if (heartbeat != null) {
            lastActive = Math.max(lastActive, heartbeat);
        }
        return new AgentView(roomId, state, lastActive,
                rule.verdict(state, lastActive, nowMillis), hosted.test(state.agentId()));
    }
}
