package org.mxagent.discovery.impl.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.mxagent.discovery.impl.liveness.HeartbeatInterval;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.AgentWorkspace;
import org.mxagent.protocol.api.event.Heartbeat;
import org.mxagent.protocol.api.event.Load;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.transport.api.MatrixSession;

/**
 * What one hosted agent publishes about itself, independent of timers and I/O: its {@code agent.v1} state
 * for a session and signing key (advertising its heartbeat period), and its heartbeats.
 */
record AgentProfile(String agentId, String kind, List<String> capabilities, List<String> tools, String cwd,
        String projectId, long maxInvocations, long heartbeatIntervalMillis) {

    /** What an agent says while it runs. */
    static final String ONLINE = "online";

    AgentProfile {
        capabilities = List.copyOf(capabilities);
        tools = List.copyOf(tools);
    }

    static AgentProfile of(String agentId, AgentConfig config) {
        return new AgentProfile(agentId, config.kind().isBlank() ? "generic" : config.kind(),
                List.of(config.capabilities()), List.of(config.tools()), config.cwd(), config.project_id(),
                Math.max(1, config.max_invocations()), config.heartbeat_interval_ms());
    }

    AgentState state(MatrixSession session, LocalSigner signer, String status, long nowMillis, long stateRev,
            int running) {
        AgentWorkspace workspace = cwd.isEmpty() && projectId.isEmpty() ? null
                : new AgentWorkspace(emptyToNull(cwd), emptyToNull(projectId), null, Map.of());
        return new AgentState(agentId, kind, session.userId(), session.deviceId(), signer.keyId(),
                signer.publicKeyBase64(), status, capabilities, tools, workspace, load(running), nowMillis, stateRev,
                Map.of(HeartbeatInterval.FIELD, (JsonNode) ProtocolJson.nodes().numberNode(heartbeatIntervalMillis)));
    }

    Heartbeat heartbeat(long nowMillis, int running) {
        return new Heartbeat(agentId, ONLINE, load(running), nowMillis, Map.of());
    }

    /** {@code running}: what the runtime runs now ({@link org.mxagent.discovery.api.InvocationLoad}). */
    private Load load(int running) {
        return new Load(Math.max(0, running), maxInvocations, Map.of());
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
