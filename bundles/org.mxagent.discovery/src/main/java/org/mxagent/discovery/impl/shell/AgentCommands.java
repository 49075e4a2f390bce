package org.mxagent.discovery.impl.shell;

import java.util.Set;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.mxagent.discovery.api.AgentRegistration;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.AgentSpec;
import org.mxagent.discovery.api.DiscoveryException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of scope {@code agent}: the agents this runtime hosts and the agents of a room. */
@Component(service = AgentCommands.class, property = {"osgi.command.scope=agent",
    "osgi.command.function=register", "osgi.command.function=list", "osgi.command.function=show",
    "osgi.command.function=unregister", "osgi.command.function=tools"})
public final class AgentCommands {
    private final AgentRegistry agents;

    @Activate
    public AgentCommands(@Reference AgentRegistry agents) {
        this.agents = agents;
    }

    @Descriptor("host an agent in a room: publishes agent.v1 and heartbeats while logged in")
    public String register(
            @Descriptor("agt_ + ULID (default: generated)") @Parameter(names = {"--agent-id"}, absentValue = "")
            String agentId,
            @Descriptor("kind, e.g. generic, claude, shell") @Parameter(names = {"--kind"}, absentValue = "generic")
            String kind,
            @Descriptor("capabilities, comma-separated") @Parameter(names = {"-c", "--capabilities"},
                    absentValue = "") String capabilities,
            @Descriptor("tools name@version, comma-separated") @Parameter(names = {"--tools"}, absentValue = "")
            String tools,
            @Descriptor("working directory to advertise") @Parameter(names = {"--cwd"}, absentValue = "") String cwd,
            @Descriptor("project id to advertise") @Parameter(names = {"--project-id"}, absentValue = "")
            String projectId,
            @Descriptor("concurrent invocations") @Parameter(names = {"--max-invocations"}, absentValue = "1")
            int maxInvocations,
            @Descriptor("heartbeat period, 1s..1h, e.g. 2s, 5m (default: kept, or 30s for a new agent)")
            @Parameter(names = {"--heartbeat-interval"}, absentValue = "") String heartbeatInterval,
            @Descriptor("room id or alias") String room) throws DiscoveryException {
        AgentRegistration registration = agents.register(new AgentSpec(agentId, room, kind,
                CommandInput.list(capabilities), CommandInput.list(tools), cwd, projectId, maxInvocations,
                CommandInput.millis(heartbeatInterval, "--heartbeat-interval")));
        return "registered " + registration.agentId() + " in " + registration.roomId() + " (configuration "
                + registration.pid() + ")";
    }

    @Descriptor("list the agents of a room with liveness (stale after 3 missed heartbeats, offline after 10; "
            + "by default 90 s and 300 s)")
    public String list(
            @Descriptor("only agents with all these capabilities, comma-separated")
            @Parameter(names = {"-c", "--capabilities"}, absentValue = "") String capabilities,
            @Descriptor("room id or alias") String room) throws DiscoveryException {
        return TextFormat.agents(agents.list(room, Set.copyOf(CommandInput.list(capabilities))), "");
    }

    @Descriptor("show one agent")
    public String show(@Descriptor("agent id (agt_...)") String agentId) throws DiscoveryException {
        return TextFormat.agent(agents.show(agentId).orElseThrow(() -> new DiscoveryException(
                DiscoveryException.Kind.NOT_FOUND, "no agent " + agentId + " in the hosted agents or joined rooms")));
    }

    @Descriptor("the tools of a room's agents: name@version, description and input (from tool.v1)")
    public String tools(
            @Descriptor("only this agent (agt_...)") @Parameter(names = {"-a", "--agent"}, absentValue = "")
            String agentId,
            @Descriptor("room id or alias") String room) throws DiscoveryException {
        return TextFormat.tools(agents.tools(room, agentId));
    }

    @Descriptor("stop hosting an agent (it publishes status offline)")
    public String unregister(@Descriptor("agent id (agt_...)") String agentId) throws DiscoveryException {
        agents.unregister(agentId);
        return "unregistered " + agentId;
    }
}
