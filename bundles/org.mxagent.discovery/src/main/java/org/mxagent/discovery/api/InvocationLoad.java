package org.mxagent.discovery.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * How many invocations this runtime runs right now, for the {@code load.running_invocations} that hosted agents
 * publish in {@code agent.v1} and in every heartbeat. Provided by the bundle that runs them (remote exec); without
 * one the agents say 0 (since 1.1).
 */
@ConsumerType
public interface InvocationLoad {
    /** Invocations started and not finished yet (never negative). */
    int running();
}
