package org.mxagent.workflow.impl.schedule;

import java.io.IOException;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mxagent.discovery.api.AgentRegistration;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Gives every hosted agent a scheduler: a factory configuration {@code org.mxagent.workflow.scheduler~<agent_id>},
 * created at start, when an {@code agent.v1} arrives (a new registration) and once a minute; removed when the agent
 * is no longer hosted.
 */
@Component(service = RoomEventListener.class, property = RoomEventListener.EVENT_TYPES + "=" + EventTypes.AGENT)
public final class HostedSchedulers implements RoomEventListener {
    private final ConfigurationAdmin configurationAdmin;
    private final AgentRegistry agents;
    private final Logger log;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "mx-hosted-schedulers"));

    @Activate
    public HostedSchedulers(@Reference ConfigurationAdmin configurationAdmin, @Reference AgentRegistry agents,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.configurationAdmin = configurationAdmin;
        this.agents = agents;
        this.log = log;
        thread.scheduleWithFixedDelay(this::ensure, 0, 60, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        thread.shutdownNow();
    }

    @Override
    public void onRoomEvent(RoomEvent event) {
        thread.execute(this::ensure);
    }

    /** Deletes the configurations this component made for agents no longer hosted (others, e.g. replicas, stay). */
    private void retire(java.util.Set<String> hosted) throws IOException, InvalidSyntaxException {
        Configuration[] all = configurationAdmin.listConfigurations("(service.factoryPid=" + SchedulerConfig.PID + ")");
        for (Configuration configuration : all == null ? new Configuration[0] : all) {
            Object agentId = configuration.getProperties().get("agent.id");
            if (agentId != null && !hosted.contains(agentId)
                    && configuration.getPid().equals(SchedulerConfig.PID + "~" + agentId)) {
                configuration.delete();
                log.info("scheduler of {} removed: the agent is no longer hosted", agentId);
            }
        }
    }

    private void ensure() {
        try {
            java.util.List<AgentRegistration> hosted = agents.hosted();
            retire(hosted.stream().map(AgentRegistration::agentId).collect(java.util.stream.Collectors.toSet()));
            for (AgentRegistration agent : hosted) {
                Configuration configuration = configurationAdmin.getFactoryConfiguration(SchedulerConfig.PID,
                        agent.agentId(), "?");
                if (configuration.getProperties() == null) {
                    Hashtable<String, Object> properties = new Hashtable<>();
                    properties.put("agent.id", agent.agentId());
                    properties.put("room.id", agent.roomId());
                    properties.put(RoomEventListener.ROOMS, agent.roomId());
                    configuration.update(properties);
                    log.info("scheduler configured for hosted agent {} in {}", agent.agentId(), agent.roomId());
                }
            }
        } catch (DiscoveryException | IOException | InvalidSyntaxException | RuntimeException e) {
            log.error("could not configure the schedulers of the hosted agents: {}", e.toString(), e);
        }
    }
}
