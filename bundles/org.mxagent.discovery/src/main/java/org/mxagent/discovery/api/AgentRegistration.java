package org.mxagent.discovery.api;

/**
 * An agent hosted by this runtime: its id, the room id it publishes in, and the ConfigurationAdmin PID of its
 * factory configuration ({@code org.mxagent.discovery.agent~<agent_id>}).
 */
public record AgentRegistration(String agentId, String roomId, String pid) {}
