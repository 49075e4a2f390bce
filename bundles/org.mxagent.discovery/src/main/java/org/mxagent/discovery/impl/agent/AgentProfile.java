package org.mxagent.discovery.impl.agent;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.AgentWorkspace;
import org.mxagent.protocol.api.event.Heartbeat;
import org.mxagent.protocol.api.event.Load;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.transport.api.MatrixSession;

/**
 * What one hosted agent publishes about itself, independent of timers and I/O: its {@code agent.v1} state
 * for a session and signing key, and its heartbeats.
 */
record AgentProfile(String agentId, String kind, List<String> capabilities, List<String> tools, String cwd,
        String projectId, long maxInvocations) {

    /** What an agent says while it runs. */
    static final String ONLINE = "online";

    AgentProfile {
        capabilities = List.copyOf(capabilities);
        tools = List.copyOf(tools);
    }

    static AgentProfile of(String agentId, AgentConfig config) {
        return new AgentProfile(agentId, config.kind().isBlank() ? "generic" : config.kind(),
                List.of(config.capabilities()), List.of(config.tools()), config.cwd(), config.project_id(),
                Math.max(1, config.max_invocations()));
    }

    /** The state with {@code contributed} capabilities after the configured ones (duplicates dropped). */
    AgentState state(MatrixSession session, LocalSigner signer, String status, long nowMillis, long stateRev,
            Collection<String> contributed) {
        Set<String> all = new LinkedHashSet<>(capabilities);
        all.addAll(contributed);
        return new AgentProfile(agentId, kind, List.copyOf(all), tools, cwd, projectId, maxInvocations)
                .state(session, signer, status, nowMillis, stateRev);
    }

    AgentState state(MatrixSession session, LocalSigner signer, String status, long nowMillis, long stateRev) {
        AgentWorkspace workspace = cwd.isEmpty() && projectId.isEmpty() ? null
                : new AgentWorkspace(emptyToNull(cwd), emptyToNull(projectId), null, Map.of());
        return new AgentState(agentId, kind, session.userId(), session.deviceId(), signer.keyId(),
                signer.publicKeyBase64(), status, capabilities, tools, workspace, load(), nowMillis, stateRev,
                Map.of());
    }

    Heartbeat heartbeat(long nowMillis) {
        return new Heartbeat(agentId, ONLINE, load(), nowMillis, Map.of());
    }

    /** Nothing runs invocations yet (no exec bundle): the real counter comes with it. */
    private Load load() {
        return new Load(0, maxInvocations, Map.of());
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
