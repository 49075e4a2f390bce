package org.mxagent.discovery.impl.agent;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One hosted agent (factory PID {@code org.mxagent.discovery.agent}). As everywhere in DS, an underscore in a
 * method name is a dot in the property name: {@code agent.id}, {@code project.id}, {@code max.invocations},
 * {@code heartbeat.interval.ms}, {@code refresh.interval.ms}.
 */
@ObjectClassDefinition(name = "mx-agent hosted agent",
        description = "An agent this runtime publishes in a workspace room (agent.v1 state and heartbeats).")
public @interface AgentConfig {
    /** The property that carries the agent id. */
    String AGENT_ID = "agent.id";

    @AttributeDefinition(description = "agt_ + ULID; empty: generated once and kept in the data dir for this PID")
    String agent_id() default "";

    @AttributeDefinition(description = "Room id (!id) or alias (#alias:server) to publish in")
    String room() default "";

    @AttributeDefinition(description = "Agent kind, e.g. generic, claude, codex, aider, shell")
    String kind() default "generic";

    @AttributeDefinition(description = "Capabilities, e.g. shell, test")
    String[] capabilities() default {};

    @AttributeDefinition(description = "Tools as name@version")
    String[] tools() default {};

    @AttributeDefinition(description = "Working directory advertised in agent.v1.workspace.cwd")
    String cwd() default "";

    @AttributeDefinition(description = "Project id advertised in agent.v1.workspace.project_id")
    String project_id() default "";

    @AttributeDefinition(description = "Concurrent invocations this agent accepts", min = "1")
    int max_invocations() default 1;

    @AttributeDefinition(description = "Milliseconds between heartbeat events (protocol: 30 s), advertised in "
            + "agent.v1.heartbeat_interval_ms so observers scale their thresholds", min = "1000", max = "3600000")
    long heartbeat_interval_ms() default 30_000;

    @AttributeDefinition(description = "Milliseconds between durable agent.v1 last_seen_ts rewrites (protocol: "
            + "at most every 300 s)", min = "1000")
    long refresh_interval_ms() default 300_000;
}
