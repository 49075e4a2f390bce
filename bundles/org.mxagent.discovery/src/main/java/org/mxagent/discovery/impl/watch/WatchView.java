package org.mxagent.discovery.impl.watch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.WorkspaceStatus;
import org.mxagent.discovery.impl.liveness.LivenessRule;
import org.mxagent.protocol.api.CanonicalJson;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.ProtocolJson;

/**
 * What a watcher compares: the parts of a workspace status that change by events or by the passing of time
 * (agents with liveness and status, {@code workspace.v1}, task counts), never "seen 3 s ago" ages.
 */
public final class WatchView {
    private WatchView() {}

    /** The compared parts, as canonical JSON. */
    static ObjectNode of(WorkspaceStatus status) {
        ObjectNode view = ProtocolJson.newObject();
        ArrayNode agents = view.putArray("agents");
        for (AgentView agent : status.agents()) {
            ArrayNode tools = ProtocolJson.nodes().arrayNode();
            agent.state().tools().forEach(tools::add);
            agents.addObject().put("agent_id", agent.agentId()).put("liveness", agent.liveness().wire())
                    .put("status", agent.state().status()).set("tools", tools);
        }
        view.set("workspace", status.workspace());
        ObjectNode tasks = view.putObject("tasks");
        status.tasks().forEach(tasks::put);
        return view;
    }

    /** A short digest of {@link #of}: equal digests, nothing a watcher shows has changed. */
    public static String digest(WorkspaceStatus status) {
        try {
            byte[] bytes = text(of(status)).getBytes(StandardCharsets.UTF_8);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Canonical JSON; content canonical JSON cannot hold (floats someone published) in Jackson's order. */
    private static String text(ObjectNode view) {
        try {
            return CanonicalJson.toText(view);
        } catch (CanonicalJsonException e) {
            return ProtocolJson.write(view);
        }
    }

    /**
     * When the next verdict of an agent changes by time alone (active → stale → offline) under {@code rule}, or
     * {@link Long#MAX_VALUE} if none will.
     */
    public static long nextLivenessChange(WorkspaceStatus status, LivenessRule rule, long nowMillis) {
        long next = Long.MAX_VALUE;
        for (AgentView agent : status.agents()) {
            long interval = rule.intervalOf(agent.state());
            for (long edge : new long[] {agent.lastActiveMillis() + rule.staleAfterMillis(interval),
                    agent.lastActiveMillis() + rule.offlineAfterMillis(interval)}) {
                if (edge > nowMillis) {
                    next = Math.min(next, edge);
                }
            }
        }
        return next;
    }
}
