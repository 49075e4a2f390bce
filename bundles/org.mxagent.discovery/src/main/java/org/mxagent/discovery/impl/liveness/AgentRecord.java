package org.mxagent.discovery.impl.liveness;

import org.mxagent.protocol.api.event.AgentState;

/** An accepted {@code agent.v1} state event: the decoded state and when the homeserver received it. */
record AgentRecord(AgentState state, String eventId, long originServerTs) {}
