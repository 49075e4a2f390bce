package org.mxagent.policy.impl;

import org.mxagent.protocol.api.event.RejectReason;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mxagent.policy.api.AgentPolicy;
import org.mxagent.policy.api.CallRequestFacts;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.Policy;
import org.mxagent.policy.api.RoomPolicy;
import org.mxagent.policy.api.Rules;

/**
 * Decides a tool call: room known, agent known, room trusted (stricter than the peer, which skips it for
 * calls), tool allowed. An entry {@code name} allows every version of the tool; an entry {@code name@version}
 * allows exactly that version, and not a request for the bare {@code name}, whose version the policy cannot know.
 */
final class CallEvaluator {
    private static final Pattern WELL_FORMED_TOOL = Pattern.compile("[^@\\s]+(@[^@\\s]+)?");

    private final Policy policy;

    CallEvaluator(Policy policy) {
        this.policy = policy;
    }

    Decision evaluate(CallRequestFacts facts) {
        Optional<RoomPolicy> room = policy.room(facts.roomId());
        if (room.isEmpty()) {
            return deny(Rules.ROOM_UNKNOWN, "room " + facts.roomId() + " has no [rooms] entry");
        }
        Optional<AgentPolicy> agent = room.get().agent(facts.requester());
        if (agent.isEmpty()) {
            return deny(Rules.AGENT_UNKNOWN, facts.requester() + " has no agents entry in room " + facts.roomId());
        }
        if (!room.get().trusted()) {
            return deny(Rules.ROOM_UNTRUSTED, "room " + facts.roomId() + " is not marked trusted");
        }
        if (!toolAllowed(facts.tool(), agent.get().allowTools())) {
            return deny(Rules.TOOL_NOT_ALLOWED, "tool \"" + facts.tool() + "\" is not in allow_tools "
                    + agent.get().allowTools());
        }
        return new Decision.Allowed(AllowanceFactory.merge(policy.execution(), room.get(), agent.get(),
                facts.requestedTimeoutMs()), Rules.ALLOW_TOOLS);
    }

    static boolean toolAllowed(String requested, List<String> allowTools) {
        if (!WELL_FORMED_TOOL.matcher(requested).matches()) {
            return false;
        }
        for (String entry : allowTools) {
            boolean pinned = entry.contains("@");
            if (requested.equals(entry) || !pinned && requested.startsWith(entry + "@")) {
                return true;
            }
        }
        return false;
    }

    private static Decision deny(String rule, String detail) {
        return new Decision.Denied(RejectReason.POLICY_DENIED, rule, detail);
    }
}
