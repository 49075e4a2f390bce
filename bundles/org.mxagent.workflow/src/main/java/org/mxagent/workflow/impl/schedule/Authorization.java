package org.mxagent.workflow.impl.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.policy.api.TrustCheck;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.TaskState;
import org.mxagent.protocol.api.sign.TaskActionSigner;
import org.mxagent.protocol.api.sign.TaskAuthorization;
import org.mxagent.protocol.api.sign.Verification;

/**
 * Checks a task's detached authorization for one agent: present, addressed to it, unexpired, signed by the
 * requesting agent's published key (key id checked), and that key trusted locally.
 */
public final class Authorization {

    /** An accepted authorization: who asked, and the Matrix user policy is looked up by. */
    public record Accepted(String requestingAgent, String requesterUserId) {}

    /** Either accepted or the reason it is not. */
    public record Verdict(Optional<Accepted> accepted, String problem) {
        static Verdict no(String problem) {
            return new Verdict(Optional.empty(), problem);
        }
    }

    private Authorization() {}

    public static Verdict check(TaskState task, ObjectNode rawAction, String agentId, List<AgentView> roomAgents, TrustCheck trust,
            Instant now) {
        if (task.action().isEmpty()) {
            return Verdict.no("manual task (no action)");
        }
        Optional<TaskAuthorization> terms = task.action().get().authorization();
        if (terms.isEmpty()) {
            return Verdict.no("action is not authorized (no signature)");
        }
        TaskAuthorization auth = terms.get();
        if (!agentId.equals(auth.targetAgent())) {
            return Verdict.no("authorization is addressed to " + auth.targetAgent() + ", not " + agentId);
        }
        try {
            if (!Timestamps.parse(auth.expiresAt()).isAfter(now)) {
                return Verdict.no("authorization expired at " + auth.expiresAt());
            }
        } catch (DateTimeParseException e) {
            return Verdict.no("authorization expires_at is unreadable: " + auth.expiresAt());
        }
        Optional<AgentView> requester = roomAgents.stream()
                .filter(a -> a.agentId().equals(auth.requestingAgent())).findFirst();
        if (requester.isEmpty()) {
            return Verdict.no("requesting agent " + auth.requestingAgent() + " has no accepted agent.v1 in the room");
        }
        Verification verification = TaskActionSigner.verify(task.taskId(), rawAction,
                requester.get().state().signingPublicKey(), requester.get().state().signingKeyId());
        if (!verification.isValid()) {
            return Verdict.no("authorization signature " + verification.status() + ": " + verification.detail());
        }
        if (!trust.isTrusted(requester.get().state().signingKeyId())) {
            return Verdict.no("key " + requester.get().state().signingKeyId() + " of " + auth.requestingAgent()
                    + " is not trusted here");
        }
        return new Verdict(Optional.of(new Accepted(auth.requestingAgent(),
                requester.get().state().matrixUserId())), "");
    }
}
