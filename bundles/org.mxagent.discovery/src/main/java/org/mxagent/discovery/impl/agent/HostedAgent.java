package org.mxagent.discovery.impl.agent;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.impl.liveness.HeartbeatInterval;
import org.mxagent.discovery.api.InvocationLoad;
import org.mxagent.discovery.impl.liveness.LivenessJudge;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.event.AgentState;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.osgi.framework.Constants;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One agent this runtime hosts, one instance per factory configuration. While a Matrix session exists it
 * publishes {@code agent.v1} (state key = agent id) with the session's user and device and the runtime's
 * signing key, sends a heartbeat every {@code heartbeat_interval_ms} and rewrites {@code last_seen_ts} every
 * {@code refresh_interval_ms}. Failures are logged and retried at the next tick; a new session (login, transport
 * update) restarts the publication. When its configuration is deleted it publishes status {@code offline}.
 */
@Component(configurationPid = AgentRegistry.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = AgentConfig.class, factory = true)
public final class HostedAgent {
    private static final long STOP_WAIT_SECONDS = 5;

    private final Logger log;
    private final LocalSigner signer;
    private final AgentProfile profile;
    private final String room;
    private final long heartbeatMillis;
    private final long refreshMillis;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService scheduler;
    private Publication current;
    private volatile InvocationLoad load;

    @Activate
    public HostedAgent(AgentConfig config, Map<String, Object> properties, @Reference LocalSigner signer,
            @Reference RuntimeDirectories directories, @Reference(service = LoggerFactory.class) Logger log)
            throws IOException {
        this.log = log;
        this.signer = signer;
        this.room = config.room().trim();
        if (!(room.startsWith("!") || room.startsWith("#"))) {
            throw new IllegalArgumentException("agent configuration " + properties.get(Constants.SERVICE_PID)
                    + ": room must be a room id (!id) or alias (#alias:server), got '" + room + "'");
        }
        String agentId = config.agent_id().trim();
        if (agentId.isEmpty()) {
            agentId = new AgentIdStore(directories.dataDir()).idFor(String.valueOf(properties.get(Constants.SERVICE_PID)));
        } else if (!Ids.isValid(Ids.AGENT, agentId)) {
            throw new IllegalArgumentException("agent_id must be agt_ followed by a ULID, got '" + agentId + "'");
        }
        this.profile = AgentProfile.of(agentId, config);
        String intervalProblem = HeartbeatInterval.problem(config.heartbeat_interval_ms());
        if (intervalProblem != null) {
            throw new IllegalArgumentException("agent configuration " + properties.get(Constants.SERVICE_PID)
                    + ": heartbeat.interval.ms: " + intervalProblem);
        }
        this.heartbeatMillis = config.heartbeat_interval_ms();
        this.refreshMillis = Math.max(1000, config.refresh_interval_ms());
        String threadName = "mx-agent agent " + agentId;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindClient(MatrixClient client) {
        stopPublication();
        Publication publication = new Publication(client);
        publication.future = scheduler.scheduleWithFixedDelay(publication::tick, 0, heartbeatMillis,
                TimeUnit.MILLISECONDS);
        current = publication;
    }

    /** The running-invocations counter (the exec bundle); without it the agent publishes 0. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLoad(InvocationLoad counter) {
        load = counter;
    }

    void unbindLoad(InvocationLoad counter) {
        if (load == counter) {
            load = null;
        }
    }

    private int running() {
        InvocationLoad counter = load;
        return counter == null ? 0 : counter.running();
    }

    synchronized void unbindClient(MatrixClient client) {
        if (current != null && current.client == client) {
            stopPublication();
        }
    }

    @Deactivate
    void deactivate(int reason) {
        Publication last;
        synchronized (this) {
            last = current;
            stopPublication();
        }
        if (reason == ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED && last != null) {
            // Queued behind a tick that may be running, so "offline" is the last word.
            scheduler.execute(last::publishOffline);
        }
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("agent {}: publishing did not stop within {} s; interrupting it", profile.agentId(),
                        STOP_WAIT_SECONDS);
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void stopPublication() {
        if (current != null) {
            current.future.cancel(false);
            current = null;
        }
    }

    /** Publication for one session: its room id, state revision and timers. Runs on the scheduler thread only. */
    private final class Publication {
        final MatrixClient client;
        volatile ScheduledFuture<?> future;
        private String roomId;
        private long stateRev = -1;
        private long statePublishedAt;
        private String lastFailure;

        Publication(MatrixClient client) {
            this.client = client;
        }

        void tick() {
            try {
                long now = clock.millis();
                if (stateRev < 0 || now - statePublishedAt >= refreshMillis) {
                    publishState(AgentProfile.ONLINE, now);
                } else {
                    client.sendEvent(roomId(), EventTypes.HEARTBEAT,
                            ProtocolCodec.encode(profile.heartbeat(now, running())));
                }
                if (lastFailure != null) {
                    log.info("agent {}: publishing in {} works again", profile.agentId(), room);
                    lastFailure = null;
                }
            } catch (MatrixException | RuntimeException e) {
                // A failed tick must not end the schedule (an exception would cancel it): report, retry next tick.
                String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (!failure.equals(lastFailure)) {
                    log.warn("agent {}: cannot publish in {}: {} (retrying every {} ms)", profile.agentId(), room,
                            failure, heartbeatMillis, e);
                } else {
                    log.debug("agent {}: still cannot publish in {}: {}", profile.agentId(), room, failure);
                }
                lastFailure = failure;
            }
        }

        void publishOffline() {
            try {
                if (stateRev >= 0) {
                    publishState(LivenessJudge.OFFLINE_STATUS, clock.millis());
                    log.info("agent {}: published status offline in {}", profile.agentId(), room);
                }
            } catch (MatrixException | RuntimeException e) {
                log.warn("agent {}: could not publish status offline in {}: {}", profile.agentId(), room,
                        e.getMessage(), e);
            }
        }

        private void publishState(String status, long now) throws MatrixException {
            String target = roomId();
            if (stateRev < 0) {
                stateRev = nextRevision(target);
            } else {
                stateRev++;
            }
            AgentState state = profile.state(client.session(), signer, status, now, stateRev, running());
            client.putState(target, EventTypes.AGENT, profile.agentId(), ProtocolCodec.encode(state));
            statePublishedAt = now;
            log.debug("agent {}: published agent.v1 rev {} in {}", profile.agentId(), stateRev, target);
        }

        /** Continues the revision of an earlier publication of this agent (a restart), else starts at 0. */
        private long nextRevision(String target) throws MatrixException {
            var existing = client.getState(target, EventTypes.AGENT, profile.agentId());
            if (existing.isEmpty()) {
                return 0;
            }
            try {
                return ProtocolCodec.decode(AgentState.class, existing.get()).stateRev() + 1;
            } catch (MalformedEventException e) {
                log.info("agent {}: replacing a malformed agent.v1 in {}: {}", profile.agentId(), target,
                        e.getMessage());
                return 0;
            }
        }

        private String roomId() throws MatrixException {
            if (roomId == null) {
                roomId = room.startsWith("#") ? client.resolveAlias(room) : room;
            }
            return roomId;
        }
    }
}
