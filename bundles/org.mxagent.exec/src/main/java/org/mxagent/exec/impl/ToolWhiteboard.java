package org.mxagent.exec.impl;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.exec.impl.tools.ToolAdvertiser;
import org.mxagent.exec.impl.tools.ToolCatalog;
import org.mxagent.exec.impl.tools.ToolStates;
import org.mxagent.exec.impl.wire.Agents;
import org.mxagent.exec.impl.wire.ClientRef;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.tool.spi.Tool;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The tool whiteboard: every {@link Tool} service is offered (dynamically: tools come and go with their bundles),
 * published as {@code tool.v1} in the rooms this runtime hosts agents in, and (configurable) added to the hosted
 * agents' {@code agent.v1.tools}. Publication runs on one thread, after each change, whenever this runtime's own
 * account publishes an {@code agent.v1} (a newly registered agent, a new room), and every five minutes.
 */
@Component(service = {ToolWhiteboard.class, RoomEventListener.class}, immediate = true,
        configurationPid = ExecConfig.PID, property = RoomEventListener.EVENT_TYPES + "=" + EventTypes.AGENT)
public final class ToolWhiteboard implements RoomEventListener {
    private static final long REFRESH_MINUTES = 5;

    private final ToolCatalog catalog = new ToolCatalog();
    private final ClientRef client = new ClientRef();
    private final ScheduledExecutorService publisher;
    private final ToolStates states;
    private final ToolAdvertiser advertiser;
    private final boolean advertise;
    private final Logger log;

    @Activate
    public ToolWhiteboard(ExecConfig config, @Reference AgentRegistry registry,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        this.advertise = config.advertise_tools();
        Agents agents = new Agents(registry);
        this.states = new ToolStates(catalog, agents, client, log);
        this.advertiser = new ToolAdvertiser(catalog, agents, log);
        this.publisher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mx-agent tool publisher");
            thread.setDaemon(true);
            return thread;
        });
        catalog.onChange(this::publishSoon);
        publisher.scheduleWithFixedDelay(this::publish, 2, REFRESH_MINUTES * 60, TimeUnit.SECONDS);
    }

    public ToolCatalog catalog() {
        return catalog;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTool(Tool tool) {
        if (!catalog.add(tool)) {
            log.warn("ignored tool {}@{} ({}): names are [A-Za-z0-9_.-]+ and versions have no '@' or spaces",
                    tool.name(), tool.version(), tool.getClass().getName());
        }
    }

    void removeTool(Tool tool) {
        catalog.remove(tool);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindClient(MatrixClient matrix) {
        client.bind(matrix);
        publishSoon();
    }

    void unbindClient(MatrixClient matrix) {
        client.unbind(matrix);
    }

    /** Our own account published an agent: a new agent or room may need the tools (cheap when nothing changed). */
    @Override
    public void onRoomEvent(RoomEvent event) {
        if (client.userId().filter(event.sender()::equals).isPresent()) {
            publishSoon();
        }
    }

    @Deactivate
    void deactivate() {
        publisher.shutdownNow();
    }

    private void publishSoon() {
        if (publisher != null && !publisher.isShutdown()) {
            publisher.execute(this::publish);
        }
    }

    private void publish() {
        try {
            states.sync();
            if (advertise) {
                advertiser.sync();
            }
        } catch (RuntimeException e) {
            log.error("publishing the tools failed; retrying at the next change or refresh", e);
        }
    }
}
