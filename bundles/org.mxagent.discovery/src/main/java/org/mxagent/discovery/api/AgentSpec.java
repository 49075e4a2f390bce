package org.mxagent.discovery.api;

import java.util.List;
import java.util.Objects;

/**
 * What {@code agent register} asks for. {@code agentId} empty means "generate one" ({@code agt_} + ULID);
 * {@code kind} empty means {@code generic}; {@code maxInvocations} below 1 means the default, 1.
 * {@code heartbeatIntervalMillis} is the heartbeat period (1 s to 1 h; the agent advertises it in
 * {@code agent.v1.heartbeat_interval_ms} and observers scale their stale/offline thresholds by it); 0 means
 * "keep the period of an existing registration, else the protocol's 30 s". Other values are refused by
 * {@link AgentRegistry#register}.
 */
public record AgentSpec(String agentId, String room, String kind, List<String> capabilities, List<String> tools,
        String cwd, String projectId, int maxInvocations, long heartbeatIntervalMillis) {

    public AgentSpec {
        agentId = Objects.requireNonNullElse(agentId, "");
        room = Objects.requireNonNullElse(room, "");
        kind = Objects.requireNonNullElse(kind, "").isEmpty() ? "generic" : kind;
        capabilities = List.copyOf(Objects.requireNonNullElse(capabilities, List.of()));
        tools = List.copyOf(Objects.requireNonNullElse(tools, List.of()));
        cwd = Objects.requireNonNullElse(cwd, "");
        projectId = Objects.requireNonNullElse(projectId, "");
        maxInvocations = maxInvocations < 1 ? 1 : maxInvocations;
    }

    /** Without a heartbeat period: an existing registration keeps its own, a new one gets 30 s. */
    public AgentSpec(String agentId, String room, String kind, List<String> capabilities, List<String> tools,
            String cwd, String projectId, int maxInvocations) {
        this(agentId, room, kind, capabilities, tools, cwd, projectId, maxInvocations, 0);
    }
}
