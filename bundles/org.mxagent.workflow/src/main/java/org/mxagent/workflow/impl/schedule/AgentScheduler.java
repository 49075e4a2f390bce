package org.mxagent.workflow.impl.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.policy.api.TrustCheck;
import org.mxagent.policy.api.TrustStore;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.Nonces;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.InvocationStatus;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MessagesPage;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;
import org.mxagent.workflow.api.TaskRecord;
import org.mxagent.workflow.api.TaskStates;
import org.mxagent.workflow.impl.LocalInvocations;
import org.mxagent.workflow.impl.RunOn;
import org.mxagent.workflow.impl.graph.Readiness;
import org.mxagent.workflow.impl.graph.TaskGraph;
import org.mxagent.workflow.impl.payload.PayloadEvents;
import org.mxagent.workflow.impl.payload.SealedTasks;
import org.mxagent.workflow.impl.payload.TaskPayload;
import org.mxagent.workflow.impl.recovery.ProcessLedger;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.workflow.spi.Dispatch;
import org.mxagent.workflow.spi.DispatchOutcome;
import org.mxagent.workflow.spi.DispatchRequest;
import org.mxagent.workflow.spi.TaskDispatcher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The scheduler of one hosted agent (one factory configuration each). Event-driven: sync deliveries of
 * {@code task.v1}, claims and {@code agent.v1} trigger a pass on this scheduler's own thread; a slow safety pass
 * catches anything missed. Claims follow specs/workflow.md: send a claim, decide when it comes back through sync.
 */
@Component(service = RoomEventListener.class, configurationPid = SchedulerConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = {RoomEventListener.EVENT_TYPES + "=" + EventTypes.TASK,
            RoomEventListener.EVENT_TYPES + "=" + Claim.TYPE, RoomEventListener.EVENT_TYPES + "=" + EventTypes.AGENT,
            RoomEventListener.EVENT_TYPES + "=" + TaskPayload.TYPE})
@Designate(ocd = SchedulerConfig.class, factory = true)
public final class AgentScheduler implements RoomEventListener {
    private static final int SCAN_EVENTS = 1000;
    private static final int PAGE = 100;

    /** A claim this scheduler sent and has not yet seen come back. */
    private record Pending(TaskBoard.Entry entry, Authorization.Accepted auth) {}

    private final String agentId;
    private final String roomId;
    private final int maxInvocations;
    private final int safetyPassSeconds;
    private final MatrixClient client;
    private final AgentRegistry agents;
    private final TrustCheck trust;
    /**
     * Every dispatcher, ascending by ranking (DS's order); the highest-ranked one that accepts a request runs it.
     * Dynamic so a dispatcher's bundle (e.g. the one running {@code agent} actions) can come and go without
     * restarting the scheduler and its running tasks.
     */
    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<TaskDispatcher> dispatchers;
    private final LocalInvocations invocations;
    private final ProcessLedger processes;
    private final Recovery recovery;
    private final Logger log;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService thread;
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private final TaskBoard board = new TaskBoard();
    /** Payload events of an encrypted room, fed by sync (decrypted) and the seed scan. */
    private final SealedTasks sealed = new SealedTasks(new PayloadEvents());
    private final ClaimLedger ledger = new ClaimLedger();
    private final Map<String, Pending> pending = new HashMap<>();
    private final Map<String, TaskRecord> running = new HashMap<>();
    private final Map<String, String> lastProblem = new HashMap<>();

    @Activate
    public AgentScheduler(SchedulerConfig config, @Reference MatrixClient client, @Reference AgentRegistry agents,
            @Reference(service = TrustStore.class) TrustCheck trust, @Reference LocalInvocations invocations,
            @Reference ProcessLedger processes, @Reference LocalSigner signer,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.agentId = config.agent_id();
        this.roomId = config.room_id();
        this.maxInvocations = config.max_invocations();
        this.client = client;
        this.agents = agents;
        // Tasks this runtime signed itself (an agent assigning work to itself) need no trust entry for its own key.
        this.trust = keyId -> keyId.equals(signer.keyId()) || trust.isTrusted(keyId);
        this.invocations = invocations;
        this.processes = processes;
        this.log = log;
        this.recovery = new Recovery(client, roomId, agentId, invocations, processes, sealed, log);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "mx-scheduler-" + agentId));
        this.safetyPassSeconds = Math.max(1, config.safety_pass_seconds());
    }

    /** Starts work once DS has also injected the dispatcher field (after the constructor). */
    @Activate
    void start() {
        thread.execute(this::seed);
        thread.scheduleWithFixedDelay(this::pass, safetyPassSeconds, safetyPassSeconds, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        thread.shutdownNow();
    }

    /** Sync thread: hand off in delivery order. */
    @Override
    public void onRoomEvent(RoomEvent event) {
        if (roomId.equals(event.roomId())) {
            thread.execute(() -> handle(event));
        }
    }

    private void seed() {
        try {
            List<RoomEvent> state = client.roomState(roomId);
            String from = null;
            int seen = 0;
            while (seen < SCAN_EVENTS) {
                MessagesPage page = client.messages(roomId, from, true, PAGE);
                for (RoomEvent event : page.events()) {
                    sealed.payloads().offer(event);
                    if (EventTypes.TASK.equals(event.type())) {
                        ledger.sawTaskEvent(event.eventId());
                    } else if (Claim.TYPE.equals(event.type())) {
                        Claim.of(event).filter(this::counts).ifPresent(ledger::record);
                    }
                }
                seen += page.events().size();
                if (page.end() == null || page.events().isEmpty()) {
                    break;
                }
                from = page.end();
            }
            // Opened after the scan: the payloads the scan saw need no lookup of their own.
            for (RoomEvent event : state) {
                if (EventTypes.TASK.equals(event.type())) {
                    board.accept(event, sealed.open(client, roomId, event.content()));
                }
            }
            log.info("scheduler of {} in {} seeded: {} task(s), {} timeline event(s) scanned", agentId, roomId,
                    board.all().size(), seen);
            recovery.reconcile(board);
        } catch (MatrixException e) {
            log.warn("scheduler of {} could not seed from {} (the safety pass retries the tasks): {}", agentId,
                    roomId, e.getMessage());
        }
        pass();
    }

    private void handle(RoomEvent event) {
        if (EventTypes.TASK.equals(event.type())) {
            ledger.sawTaskEvent(event.eventId());
            if (board.accept(event, open(event.content()))) {
                stopIfCancelled(event);
                queuePass();
            }
        } else if (TaskPayload.TYPE.equals(event.type())) {
            sealed.payloads().offer(event);
            // A payload whose key arrived late is delivered late: the tasks waiting for it can now be read.
            for (TaskBoard.Entry waiting : board.waitingFor(event.eventId())) {
                board.accept(roomId, waiting.record().eventId(), waiting.sealed(), open(waiting.sealed()));
                queuePass();
            }
        } else if (Claim.TYPE.equals(event.type())) {
            Claim.of(event).filter(this::counts).ifPresent(this::onClaim);
        } else {
            queuePass();
        }
    }

    /** The task content with its payload put back; a lookup that fails leaves it marked, never runnable. */
    private ObjectNode open(ObjectNode state) {
        try {
            return sealed.open(client, roomId, state);
        } catch (MatrixException e) {
            return TaskPayload.unresolved(state, "payload lookup failed: " + e.getMessage());
        }
    }

    /**
     * A task cancelled by anyone (any runtime's {@code task cancel}) stops the invocation running it here; its
     * result is then not written over the cancelled state.
     */
    private void stopIfCancelled(RoomEvent event) {
        String taskId = event.stateKey();
        board.get(taskId).map(e -> e.record().task()).filter(t -> TaskStates.CANCELLED.equals(t.state()))
                .map(t -> t.invocationId()).filter(running::containsKey).flatMap(invocations::find)
                .ifPresent(dispatch -> {
                    log.info("task {} was cancelled in the room; stopping its invocation here", taskId);
                    dispatch.cancel("task_cancelled");
                });
    }

    /** Only the agent a task is for, from its own Matrix account, can claim it (specs/workflow.md). */
    private boolean counts(Claim claim) {
        return agentId.equals(claim.claimant()) && client.session().userId().equals(claim.sender());
    }

    private void onClaim(Claim claim) {
        Claim winner = ledger.record(claim);
        Pending mine = pending.remove(claim.nonce());
        if (mine == null) {
            return;
        }
        if (!winner.nonce().equals(claim.nonce())) {
            log.info("claim on {} rev {} lost to {} ({}); standing down", claim.taskId(), claim.stateRev(),
                    winner.eventId(), winner.invocationId());
            queuePass();
            return;
        }
        run(mine, claim);
    }

    private void queuePass() {
        if (passQueued.compareAndSet(false, true)) {
            thread.execute(() -> {
                passQueued.set(false);
                pass();
            });
        }
    }

    private void pass() {
        try {
            List<AgentView> roomAgents = agents.list(roomId, Set.of());
            int capacity = capacity(roomAgents) - running.size() - pending.size();
            TaskGraph graph = new TaskGraph(board.states());
            for (TaskBoard.Entry entry : board.all()) {
                if (capacity <= 0) {
                    return;
                }
                if (consider(entry, graph, roomAgents)) {
                    capacity--;
                }
            }
        } catch (DiscoveryException e) {
            log.warn("scheduler pass of {} skipped: {}", agentId, e.getMessage());
        } catch (RuntimeException e) {
            log.error("scheduler pass of {} failed: {}", agentId, e.toString(), e);
        }
    }

    private int capacity(List<AgentView> roomAgents) {
        if (maxInvocations > 0) {
            return maxInvocations;
        }
        return roomAgents.stream().filter(a -> a.agentId().equals(agentId)).findFirst()
                .map(a -> (int) a.state().load().maxInvocations()).orElse(1);
    }

    /** Claims the task if it is runnable for this agent; returns whether a claim was sent. */
    private boolean consider(TaskBoard.Entry entry, TaskGraph graph, List<AgentView> roomAgents) {
        var task = entry.record().task();
        if (!Readiness.target(task).map(agentId::equals).orElse(false)) {
            return false;
        }
        if (entry.payloadProblem().isPresent() && (TaskStates.PENDING.equals(task.state())
                || TaskStates.ASSIGNED.equals(task.state()))) {
            note(task.taskId(), entry.payloadProblem().get() + "; not run");
            return false;
        }
        if (!Readiness.blockers(graph, task).isEmpty()) {
            return false;
        }
        Claim.Key key = new Claim.Key(task.taskId(), task.stateRev());
        if (ledger.winner(key).isPresent() || pending.values().stream()
                .anyMatch(p -> p.entry().record().task().taskId().equals(task.taskId()))) {
            return false;
        }
        if (!ledger.knowsHistorySince(entry.record().eventId())) {
            note(task.taskId(), "claim history not visible (task.v1 event older than this scheduler's view)");
            return false;
        }
        Authorization.Verdict verdict = Authorization.check(task, (ObjectNode) entry.raw().get("action"), agentId,
                roomAgents, trust, clock.instant());
        if (verdict.accepted().isEmpty()) {
            note(task.taskId(), verdict.problem());
            return false;
        }
        Claim claim = new Claim(task.taskId(), task.stateRev(), agentId, Ids.newInvocationId(), Nonces.newNonce(),
                client.session().userId(), null);
        pending.put(claim.nonce(), new Pending(entry, verdict.accepted().get()));
        try {
            client.sendEvent(roomId, Claim.TYPE, claim.content());
            return true;
        } catch (MatrixException e) {
            pending.remove(claim.nonce());
            log.warn("could not send the claim for {}: {}", task.taskId(), e.getMessage());
            return false;
        }
    }

    private void note(String taskId, String problem) {
        if (!problem.equals(lastProblem.put(taskId, problem))) {
            log.info("task {} not runnable for {}: {}", taskId, agentId, problem);
        }
    }

    private void run(Pending won, Claim claim) {
        TaskExecution execution = new TaskExecution(client, roomId, agentId, clock, sealed);
        TaskRecord executing;
        try {
            Optional<TaskRecord> started = execution.start(won.entry().record(), claim);
            if (started.isEmpty()) {
                log.info("won the claim on {} rev {} but the task moved on; standing down", claim.taskId(),
                        claim.stateRev());
                return;
            }
            executing = started.get();
            if (recordsInvocation(executing)) {
                execution.invocation(executing.task(), won.auth().requestingAgent(), InvocationStatus.RUNNING,
                        null, 0);
            }
        } catch (MatrixException | MalformedEventException e) {
            log.error("could not start task {}: {}", claim.taskId(), e.getMessage(), e);
            return;
        }
        running.put(claim.invocationId(), executing);
        DispatchRequest request = new DispatchRequest(roomId, claim.taskId(), claim.invocationId(),
                executing.task().action().orElseThrow(), agentId, won.auth().requestingAgent(),
                won.auth().requesterUserId());
        JsonNode action = won.entry().raw().get("action");
        Optional<TaskDispatcher> dispatcher = dispatcherFor(request);
        if (dispatcher.isEmpty()) {
            finish(execution, executing, won, action, DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED,
                    "no dispatcher on this runtime takes " + request.action().type() + " actions"));
            return;
        }
        Dispatch dispatch = dispatcher.get().dispatch(request);
        invocations.started(claim.invocationId(), dispatch);
        dispatch.outcome().whenComplete((outcome, failure) -> thread.execute(() -> finish(execution, executing,
                won, action, failure == null ? outcome : DispatchOutcome.refused(DispatchOutcome.DISPATCH_FAILED,
                        "dispatch failed: " + failure))));
    }

    /**
     * Whether this scheduler publishes the task's {@code invocation.v1}: not when the action runs on another agent
     * ({@code run_on}), whose runtime publishes it under the same invocation id as the executor.
     */
    private boolean recordsInvocation(TaskRecord executing) {
        return executing.task().action().flatMap(a -> RunOn.elsewhere(a, agentId)).isEmpty();
    }

    private Optional<TaskDispatcher> dispatcherFor(DispatchRequest request) {
        List<TaskDispatcher> all = dispatchers;
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).accepts(request)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    private void finish(TaskExecution execution, TaskRecord executing, Pending won, JsonNode action,
            DispatchOutcome outcome) {
        String invocationId = executing.task().invocationId();
        invocations.finished(invocationId);
        running.remove(invocationId);
        InvocationStatus status = DispatchOutcome.CANCELLED.equals(outcome.reason()) ? InvocationStatus.CANCELLED
                : outcome.succeeded() ? InvocationStatus.SUCCEEDED : InvocationStatus.FAILED;
        try {
            if (recordsInvocation(executing)) {
                execution.invocation(executing.task(), won.auth().requestingAgent(), status, outcome.exitCode(), 1);
            }
            if (!execution.finish(executing, outcome, action)) {
                log.info("task {} changed while {} ran (e.g. cancelled); result not written", executing.task()
                        .taskId(), invocationId);
            }
            processes.forget(invocationId);
        } catch (MatrixException | MalformedEventException e) {
            log.error("could not record the result of task {}: {}", executing.task().taskId(), e.getMessage(), e);
        }
        queuePass();
    }
}
