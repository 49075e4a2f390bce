package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mxagent.protocol.impl.Checks;
import org.mxagent.protocol.impl.Copies;

/** {@code agent.v1} state (key = {@code agent_id}): identity, published signing key, tools and load. */
public record AgentState(
        String agentId,
        String kind,
        String matrixUserId,
        String deviceId,
        String signingKeyId,
        String signingPublicKey,
        String status,
        List<String> capabilities,
        List<String> tools,
        AgentWorkspace workspace,
        Load load,
        long lastSeenTs,
        long stateRev,
        Map<String, JsonNode> extra) implements StateEvent {

    public AgentState {
        Objects.requireNonNull(agentId, "agent_id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(matrixUserId, "matrix_user_id");
        Objects.requireNonNull(signingKeyId, "signing_key_id");
        Objects.requireNonNull(signingPublicKey, "signing_public_key");
        Objects.requireNonNull(status, "status");
        capabilities = Copies.list(capabilities, "capabilities");
        tools = Copies.list(tools, "tools");
        Objects.requireNonNull(load, "load");
        Checks.range(lastSeenTs, 0, Long.MAX_VALUE, "last_seen_ts");
        Checks.range(stateRev, 0, Long.MAX_VALUE, "state_rev");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.AGENT;
    }

    /** The agent id. */
    @Override
    public String stateKey() {
        return agentId;
    }
}
