package org.mxagent.approval.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mxagent.approval.api.ApprovalException;
import org.mxagent.approval.api.ApprovalHolds;
import org.mxagent.approval.api.ApprovalRelease;
import org.mxagent.approval.api.Approvals;
import org.mxagent.approval.api.Hold;
import org.mxagent.approval.api.HoldOrigin;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.ApprovalGate;
import org.mxagent.policy.api.ApprovalVerdict;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.policy.api.PrivilegedRequest;
import org.mxagent.policy.api.ReplayCache;
import org.mxagent.policy.api.RoomPolicy;
import org.mxagent.policy.api.TrustStore;
import org.mxagent.protocol.api.Nonces;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ApprovalDecision;
import org.mxagent.protocol.api.event.ApprovalOutcome;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The approval service: an {@link ApprovalGate} that holds requests (persisted in {@code approvals.json}, an
 * {@code approval.request} posted to the room), a {@link RoomEventListener} for {@code approval.decision}
 * (handed off the sync thread to one worker), the operator's {@link Approvals}, and the expiry sweep.
 */
@Component(service = {ApprovalGate.class, ApprovalHolds.class, Approvals.class, RoomEventListener.class},
        configurationPid = ApprovalComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = RoomEventListener.EVENT_TYPES + "=" + EventTypes.APPROVAL_DECISION)
@Designate(ocd = ApprovalComponent.Config.class)
public final class ApprovalComponent implements ApprovalHolds, Approvals, RoomEventListener {
    public static final String PID = "org.mxagent.approval";
    /** Lifetime of the decisions the local operator signs. */
    static final Duration DECISION_TTL = Duration.ofSeconds(300);

    @ObjectClassDefinition(name = "mx-agent approvals")
    public @interface Config {
        @AttributeDefinition(description = "seconds a hold waits for a decision (approval.request expires_at)")
        long ttl_seconds() default 3600;

        @AttributeDefinition(description = "approvals needed (N of M) unless room_quorum says otherwise")
        int quorum() default 1;

        @AttributeDefinition(description = "per-room quorum, entries \"!room:server=N\"")
        String[] room_quorum() default {};

        @AttributeDefinition(description = "seconds between expiry sweeps")
        long sweep_interval_seconds() default 30;
    }

    private final PolicyService policy;
    private final LocalSigner signer;
    private final AgentRegistry agents;
    private final Logger log;
    private final ScheduledExecutorService worker;
    private final ApprovalEngine engine;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MatrixClient client;

    @Activate
    public ApprovalComponent(@Reference RuntimeDirectories directories, @Reference PolicyService policy,
            @Reference TrustStore trust, @Reference ReplayCache nonces, @Reference LocalSigner signer,
            @Reference AgentRegistry agents, @Reference(service = LoggerFactory.class) Logger log, Config config)
            throws IOException {
        this.policy = policy;
        this.signer = signer;
        this.agents = agents;
        this.log = log;
        ApprovalEngine.Settings settings = new ApprovalEngine.Settings(Duration.ofSeconds(config.ttl_seconds()),
                config.quorum(), roomQuorum(config.room_quorum()));
        DecisionCheck check = new DecisionCheck(this::publishedKey, trust, nonces, signer.keyId());
        this.engine = new ApprovalEngine(new HoldFile(directories.dataDir().resolve(HoldFile.FILE_NAME)),
                Clock.systemUTC(), settings, check, this::approvers, this::ownUser, this::post,
                new ApprovalEngine.Log() {
                    @Override
                    public void info(String message) {
                        log.info(message);
                    }

                    @Override
                    public void warn(String message, Throwable cause) {
                        log.warn(message, cause);
                    }
                });
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "mx-agent approvals"));
        long interval = Math.max(1, config.sweep_interval_seconds());
        worker.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    /** Bound after the constructor (DS binds method references once the instance exists). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + ApprovalRelease.CONSUMER + "=*)")
    void addRelease(ApprovalRelease release, Map<String, Object> properties) {
        engine.addConsumer(String.valueOf(properties.get(ApprovalRelease.CONSUMER)), release);
        // holds granted while their consumer was away are released now
        worker.execute(this::sweep);
    }

    void removeRelease(ApprovalRelease release, Map<String, Object> properties) {
        engine.removeConsumer(String.valueOf(properties.get(ApprovalRelease.CONSUMER)), release);
    }

    static Map<String, Integer> roomQuorum(String[] entries) {
        Map<String, Integer> quorum = new HashMap<>();
        for (String entry : entries) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("room_quorum entry must be \"!room:server=N\": " + entry);
            }
            quorum.put(entry.substring(0, eq).trim(), Integer.parseInt(entry.substring(eq + 1).trim()));
        }
        return quorum;
    }

    // ---- ApprovalGate / ApprovalHolds

    @Override
    public ApprovalVerdict check(PrivilegedRequest request, Allowance allowance) {
        return engine.check(request, allowance, Optional.empty());
    }

    @Override
    public void withdraw(PrivilegedRequest request) {
        engine.withdraw(request);
    }

    @Override
    public ApprovalGate withOrigin(HoldOrigin origin) {
        return new ApprovalGate() {
            @Override
            public ApprovalVerdict check(PrivilegedRequest request, Allowance allowance) {
                return engine.check(request, allowance, Optional.of(origin));
            }

            @Override
            public void withdraw(PrivilegedRequest request) {
                engine.withdraw(request);
            }
        };
    }

    // ---- decisions from the room

    @Override
    public void onRoomEvent(RoomEvent event) {
        if (!EventTypes.APPROVAL_DECISION.equals(event.type())) {
            return;
        }
        ObjectNode content = event.content().deepCopy();
        worker.execute(() -> {
            try {
                engine.onDecision(event.roomId(), event.sender(), content);
            } catch (IOException | RuntimeException e) {
                log.error("approval.decision " + event.eventId() + " could not be applied", e);
            }
        });
    }

    private void sweep() {
        try {
            engine.sweep();
        } catch (IOException | RuntimeException e) {
            log.error("approval expiry sweep failed", e);
        }
    }

    // ---- Approvals

    @Override
    public List<Hold> list() {
        return engine.list();
    }

    @Override
    public Optional<Hold> show(String requestId) {
        return engine.show(requestId);
    }

    @Override
    public Outcome approve(String requestId) throws ApprovalException {
        return decide(requestId, ApprovalOutcome.APPROVED);
    }

    @Override
    public Outcome deny(String requestId) throws ApprovalException {
        return decide(requestId, ApprovalOutcome.DENIED);
    }

    int quorum(String roomId) {
        return engine.quorum(roomId);
    }

    private Outcome decide(String requestId, ApprovalOutcome outcome) throws ApprovalException {
        Hold hold = engine.show(requestId)
                .orElseThrow(() -> new ApprovalException("no held request " + requestId, true));
        MatrixClient current = client;
        if (current == null) {
            throw new ApprovalException("not logged in: a decision is made as this daemon's Matrix user", false);
        }
        String me = current.session().userId();
        Instant now = Instant.now();
        ApprovalDecision decision = new ApprovalDecision(requestId, outcome, me, Timestamps.seconds(now),
                Optional.of(Nonces.newNonce()), Optional.of(Timestamps.seconds(now.plus(DECISION_TTL))),
                Optional.empty(), Map.of());
        ObjectNode signed;
        ApprovalEngine.DecisionResult result;
        try {
            signed = signer.sign(ProtocolCodec.encode(decision));
            result = engine.onDecision(hold.roomId(), me, signed);
        } catch (IOException e) {
            throw new ApprovalException("the decision could not be recorded: " + e.getMessage(), e);
        } catch (org.mxagent.protocol.api.CanonicalJsonException e) {
            throw new ApprovalException("the decision could not be signed: " + e.getMessage(), e);
        }
        if (result.outcome().isEmpty()) {
            throw new ApprovalException("the decision was not accepted: " + result.rule() + " (" + result.detail()
                    + ")", false);
        }
        try {
            // for the room's record; when it comes back through sync its nonce is burned and the hold is gone
            current.sendEvent(hold.roomId(), EventTypes.APPROVAL_DECISION, signed);
        } catch (MatrixException e) {
            log.warn("the decision on " + requestId + " is applied but could not be posted to " + hold.roomId(), e);
        }
        return result.outcome().get();
    }

    // ---- collaborators

    private Optional<String> ownUser() {
        MatrixClient current = client;
        return current == null ? Optional.empty() : Optional.of(current.session().userId());
    }

    private List<String> approvers(String roomId) {
        return policy.policy().room(roomId).map(RoomPolicy::approvers).orElse(List.of());
    }

    private Optional<String> publishedKey(String roomId, String sender, String keyId) {
        if (ownUser().map(sender::equals).orElse(false) && signer.keyId().equals(keyId)) {
            return Optional.of(signer.publicKeyBase64());
        }
        try {
            for (AgentView agent : agents.list(roomId, Set.of())) {
                if (agent.state().matrixUserId().equals(sender) && agent.state().signingKeyId().equals(keyId)) {
                    return Optional.of(agent.state().signingPublicKey());
                }
            }
        } catch (DiscoveryException e) {
            log.warn("agents of " + roomId + " could not be listed to find " + sender + "'s key " + keyId, e);
        }
        return Optional.empty();
    }

    private void post(String roomId, String type, ObjectNode content) throws MatrixException {
        MatrixClient current = client;
        if (current == null) {
            throw new IllegalStateException("not logged in");
        }
        current.sendEvent(roomId, type, content);
    }
}
