package org.mxagent.exec.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.exec.impl.desk.CallParams;
import org.mxagent.exec.impl.desk.Desk;
import org.mxagent.exec.impl.desk.ExecDesk;
import org.mxagent.exec.impl.desk.ExecParams;
import org.mxagent.exec.impl.requester.DeskException;
import org.mxagent.exec.impl.requester.ExitCodes;
import org.mxagent.exec.impl.requester.RequesterServices;
import org.mxagent.exec.impl.requester.ResultGate;
import org.mxagent.exec.impl.requester.ResultRouter;
import org.mxagent.exec.impl.requester.Session;
import org.mxagent.exec.impl.requester.Sessions;
import org.mxagent.exec.impl.requester.UndecryptableNotices;
import org.mxagent.exec.impl.target.ArtifactUploader;
import org.mxagent.exec.impl.target.CallRequestHandler;
import org.mxagent.exec.impl.target.ControlHandler;
import org.mxagent.exec.impl.target.ExecRequestHandler;
import org.mxagent.exec.impl.target.HeldRequestDesk;
import org.mxagent.exec.impl.target.HeldRequests;
import org.mxagent.exec.impl.target.HoldGates;
import org.mxagent.exec.impl.target.InboundRouter;
import org.mxagent.exec.impl.target.InvocationStates;
import org.mxagent.exec.impl.target.PipelineFactory;
import org.mxagent.exec.impl.target.RunRegistry;
import org.mxagent.exec.impl.target.RunServices;
import org.mxagent.exec.impl.tools.ToolRunner;
import org.mxagent.exec.impl.wire.Agents;
import org.mxagent.exec.impl.wire.ClientRef;
import org.mxagent.exec.impl.wire.SerialQueue;
import org.mxagent.exec.impl.wire.SendRetry;
import org.mxagent.exec.impl.wire.SignedSender;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.AuditLog;
import org.mxagent.policy.api.DeviceCheck;
import org.mxagent.policy.api.PipelineDecision;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.policy.api.ReplayCache;
import org.mxagent.policy.api.TrustStore;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.terminal.api.LocalExec;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;
import org.mxagent.transport.api.e2ee.DecryptionFailure;
import org.mxagent.transport.api.e2ee.UndecryptableEventListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Remote exec and named calls over Matrix, both ends. As a {@link RoomEventListener} it receives requests and
 * control frames (target side: {@link InboundRouter}) and result-plane events (requester side:
 * {@link ResultRouter}); as the bundle's private {@link ExecDesk} it starts execs and calls for the IPC methods
 * and the {@code term} commands. Wiring only: every decision is made in the classes it builds. Owns its threads
 * (a pool for ordered send queues, tool calls and artifact work, and a timer) and stops them in
 * {@link #deactivate}, after telling every waiting CLI that the runtime stops.
 */
@Component(service = {RoomEventListener.class, ExecDesk.class, HeldRequests.class,
        UndecryptableEventListener.class}, immediate = true,
        configurationPid = ExecConfig.PID,
        property = {
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.EXEC_REQUEST,
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.CALL_REQUEST,
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.EXEC_STDIN,
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.EXEC_CANCEL,
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.PTY_RESIZE,
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.EXEC_ACCEPTED,
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.EXEC_REJECTED,
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.EXEC_FINISHED,
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.EXEC_CANCELLED,
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.STREAM_CHUNK,
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.STREAM_ARTIFACT,
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.CALL_RESPONSE,
            RoomEventListener.EVENT_TYPES + "=" + EventTypes.APPROVAL_REQUEST})
@Designate(ocd = ExecConfig.class)
public final class ExecCore implements RoomEventListener, ExecDesk, HeldRequests, UndecryptableEventListener {
    private final ClientRef client = new ClientRef();
    private final AtomicReference<DeviceCheck> devices = new AtomicReference<>(DeviceCheck.noneVerified());
    private final AtomicReference<HoldGates> holdGates = new AtomicReference<>(HoldGates.NONE);
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final Sessions sessions;
    private final UndecryptableNotices undecryptable;
    private final RunRegistry runs = new RunRegistry();
    private final InboundRouter inbound;
    private final ResultRouter results;
    private final Desk desk;
    private final HeldRequests held;
    private final Logger log;

    @Activate
    public ExecCore(ExecConfig config, @Reference LocalSigner signer, @Reference AgentRegistry registry,
            @Reference PolicyService policy, @Reference TrustStore trust, @Reference ReplayCache replay,
            @Reference AuditLog audit, @Reference LocalExec exec, @Reference ToolWhiteboard whiteboard,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        Clock clock = Clock.systemUTC();
        this.pool = Executors.newCachedThreadPool(threads("mx-agent exec"));
        this.timer = Executors.newSingleThreadScheduledExecutor(threads("mx-agent exec timer"));
        Agents agents = new Agents(registry);
        SignedSender sender = new SignedSender(client, signer,
                SendRetry.within(Duration.ofMillis(config.send_retry_window_ms())));
        this.sessions = new Sessions(timer, config.keep_finished_ms());
        ToolRunner tools = new ToolRunner(whiteboard.catalog(), pool, log);

        RunServices runServices = new RunServices(sender, new ArtifactUploader(client, log),
                new InvocationStates(client, pool, log, clock), runs, pool, timer, config.running_state_delay_ms(),
                log, clock);
        PipelineFactory pipelines = new PipelineFactory(trust, replay, policy, devices::get, audit, clock);
        ExecRequestHandler execs = new ExecRequestHandler(agents, pipelines, holdGates::get, exec, runServices);
        CallRequestHandler calls = new CallRequestHandler(agents, pipelines, holdGates::get, policy, tools,
                runServices, pool);
        this.inbound = new InboundRouter(new SerialQueue(pool, log, "exec requests", false), execs, calls,
                new ControlHandler(runs, trust, log));
        this.held = new HeldRequestDesk(execs, calls, log);

        RequesterServices requester = new RequesterServices(client, sender, new ResultGate(trust, log), sessions,
                pool, timer, log, clock, config.requester_grace_ms(), config.frame_buffer_bytes(),
                config.max_artifact_bytes());
        this.results = new ResultRouter(sessions);
        this.undecryptable = new UndecryptableNotices(sessions);
        this.desk = new Desk(requester, agents, trust, policy, exec, whiteboard.catalog(), tools, runs,
                config.artifact_scan_events());
        log.info("remote exec ready (requester grace {} ms, attach window {} ms, send retry window {} ms)",
                config.requester_grace_ms(), config.attach_window_ms(), config.send_retry_window_ms());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindClient(MatrixClient matrix) {
        client.bind(matrix);
    }

    void unbindClient(MatrixClient matrix) {
        client.unbind(matrix);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDeviceCheck(DeviceCheck check) {
        devices.set(check);
    }

    void unbindDeviceCheck(DeviceCheck check) {
        devices.compareAndSet(check, DeviceCheck.noneVerified());
    }

    /** The approval service's gates, when the approval bundle runs (else: requires_approval is denied). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindHoldGates(HoldGates gates) {
        holdGates.set(gates);
    }

    void unbindHoldGates(HoldGates gates) {
        holdGates.compareAndSet(gates, HoldGates.NONE);
    }

    @Override
    public void onRoomEvent(RoomEvent event) {
        if (InboundRouter.TYPES.contains(event.type())) {
            inbound.accept(event);
        } else {
            results.accept(event);
        }
    }

    /** An event in an encrypted room that could not be decrypted: live sessions in that room are told why. */
    @Override
    public void onUndecryptable(RoomEvent event, DecryptionFailure failure) {
        undecryptable.onUndecryptable(event, failure);
    }

    @Deactivate
    void deactivate() {
        for (Session session : sessions.all()) {
            ObjectNode stopping = ProtocolJson.newObject();
            stopping.put("done", true);
            stopping.put("invocation_id", session.invocationId());
            stopping.put("outcome", "runtime_stopped");
            stopping.put("exit_code", ExitCodes.FAILURE);
            stopping.put("message", "the mx-agent runtime stopped before the " + session.kind() + " finished");
            session.frames().finish(stopping);
        }
        if (runs.size() > 0) {
            log.warn("stopping with {} remote run(s) still going; the local exec service kills them", runs.size());
        }
        timer.shutdownNow();
        pool.shutdownNow();
    }

    // ExecDesk: delegated

    @Override
    public Session startExec(ExecParams params) throws DeskException {
        return desk.startExec(params);
    }

    @Override
    public Session startExec(ExecParams params, String invocationId) throws DeskException {
        return desk.startExec(params, invocationId);
    }

    @Override
    public Session startCall(CallParams params) throws DeskException {
        return desk.startCall(params);
    }

    @Override
    public Optional<Session> session(String invocationId) {
        return desk.session(invocationId);
    }

    @Override
    public List<ObjectNode> live() {
        return desk.live();
    }

    @Override
    public List<ObjectNode> list(Optional<String> room) throws DeskException {
        return desk.list(room);
    }

    @Override
    public ObjectNode show(String invocationId, Optional<String> room) throws DeskException {
        return desk.show(invocationId, room);
    }

    @Override
    public ObjectNode cancel(String invocationId, Optional<String> room, String reason) throws DeskException {
        return desk.cancel(invocationId, room, reason);
    }

    @Override
    public Artifact artifact(String invocationId, StreamName stream, Optional<String> room) throws DeskException {
        return desk.artifact(invocationId, stream, room);
    }

    @Override
    public List<ObjectNode> tools() {
        return desk.tools();
    }

    // HeldRequests: delegated (the approval bridge calls these on the approval service's thread)

    @Override
    public PipelineDecision reauthorize(Held request) {
        return held.reauthorize(request);
    }

    @Override
    public void release(Held request, Allowance allowance) {
        held.release(request, allowance);
    }

    @Override
    public void deny(Held request, String reason) {
        held.deny(request, reason);
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
