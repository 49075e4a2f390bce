package org.mxagent.exec.impl.desk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mxagent.discovery.api.AgentRegistration;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.exec.impl.requester.Controls;
import org.mxagent.exec.impl.requester.DeskException;
import org.mxagent.exec.impl.requester.LoopbackAllowance;
import org.mxagent.exec.impl.requester.LoopbackCallSession;
import org.mxagent.exec.impl.requester.LoopbackExecSession;
import org.mxagent.exec.impl.requester.RemoteCallSession;
import org.mxagent.exec.impl.requester.RemoteExecSession;
import org.mxagent.exec.impl.requester.RequesterServices;
import org.mxagent.exec.impl.requester.Session;
import org.mxagent.exec.impl.target.ExecRun;
import org.mxagent.exec.impl.target.RunRegistry;
import org.mxagent.exec.impl.tools.CallContext;
import org.mxagent.exec.impl.tools.ToolCatalog;
import org.mxagent.exec.impl.tools.ToolRunner;
import org.mxagent.exec.impl.tools.ToolStates;
import org.mxagent.exec.impl.wire.Agents;
import org.mxagent.exec.impl.wire.ClientRef;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.ExecutionPolicy;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.policy.api.TrustCheck;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.ExecSpec;
import org.mxagent.terminal.api.LocalExec;
import org.mxagent.terminal.api.TerminalSize;
import org.mxagent.tool.spi.PathScope;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;

/** {@link ExecDesk}: where the requester side and the operator views meet the rest of the bundle. */
public final class Desk implements ExecDesk {
    private final RequesterServices services;
    private final Agents agents;
    private final TrustCheck trust;
    private final PolicyService policy;
    private final LocalExec exec;
    private final ToolCatalog catalog;
    private final ToolRunner tools;
    private final RunRegistry runs;
    private final InvocationQuery invocations;
    private final ArtifactFetcher artifacts;

    public Desk(RequesterServices services, Agents agents, TrustCheck trust, PolicyService policy, LocalExec exec,
            ToolCatalog catalog, ToolRunner tools, RunRegistry runs, int artifactScanEvents) {
        this.services = services;
        this.agents = agents;
        this.trust = trust;
        this.policy = policy;
        this.exec = exec;
        this.catalog = catalog;
        this.tools = tools;
        this.runs = runs;
        this.invocations = new InvocationQuery(services.client(), agents, services.log());
        this.artifacts = new ArtifactFetcher(services.client(), services.gate(), artifactScanEvents, services.log());
    }

    @Override
    public Session startExec(ExecParams params) throws DeskException {
        return startExec(params, Ids.newInvocationId());
    }

    @Override
    public Session startExec(ExecParams params, String invocationId) throws DeskException {
        if (params.argv().isEmpty()) {
            throw new DeskException(DeskException.Kind.INVALID, "no command: give it after --");
        }
        if (services.sessions().find(invocationId).isPresent()) {
            throw new DeskException(DeskException.Kind.INVALID, "invocation " + invocationId + " is already running");
        }
        TerminalSize size = size(params.rows(), params.cols());
        if (!params.remote()) {
            requireAbsolute(params.cwd());
            return loopbackExec(invocationId, params, size);
        }
        Endpoints ends = endpoints(params.room().orElseThrow(), params.agent().orElseThrow(), params.asAgent());
        String cwd = params.cwd().isEmpty() ? advertisedCwd(ends.target()) : params.cwd();
        requireAbsolute(cwd);
        long timeout = params.timeoutMs().orElse(Allowance.DEFAULT_TIMEOUT_MS);
        RemoteExecSession session = new RemoteExecSession(services, ends.roomId(), ends.target(),
                RequestFactory.exec(invocationId, ends.requester(), ends.target().agentId(), params.argv(),
                        cwd, params.env(), params.stdin(), params.pty(), timeout, size,
                        services.clock().instant()),
                params.strict(), size);
        session.start();
        services.log().info("exec {} sent to {} in {}: {}", invocationId, ends.target().agentId(), ends.roomId(),
                params.argv().get(0));
        return session;
    }

    @Override
    public Session startCall(CallParams params) throws DeskException {
        String invocationId = Ids.newInvocationId();
        if (!params.remote()) {
            CallContext context = new CallContext(invocationId, Optional.empty(), Optional.empty(),
                    LoopbackAllowance.of(policy.policy().execution(), params.timeoutMs()), PathScope.anywhere());
            LoopbackCallSession session = new LoopbackCallSession(services, tools, params.tool(), params.args(),
                    context);
            session.start();
            return session;
        }
        Endpoints ends = endpoints(params.room().orElseThrow(), params.agent().orElseThrow(), params.asAgent());
        RemoteCallSession session = new RemoteCallSession(services, ends.roomId(), ends.target(),
                RequestFactory.call(invocationId, ends.requester(), ends.target().agentId(), params.tool(),
                        params.args(), services.clock().instant()),
                params.timeoutMs().orElse(Allowance.DEFAULT_TIMEOUT_MS));
        session.start();
        return session;
    }

    @Override
    public Optional<Session> session(String invocationId) {
        return services.sessions().find(invocationId);
    }

    @Override
    public List<ObjectNode> live() {
        List<ObjectNode> live = new ArrayList<>();
        services.sessions().all().stream().filter(session -> !session.frames().isFinished())
                .forEach(session -> live.add(session.describe()));
        runs.all().forEach(run -> live.add(run.describe()));
        return live;
    }

    @Override
    public List<ObjectNode> list(Optional<String> room) throws DeskException {
        List<ObjectNode> listed = new ArrayList<>();
        try {
            for (String roomId : rooms(room)) {
                invocations.list(roomId).forEach(record -> listed.add(withLive(record.toJson())));
            }
        } catch (MatrixException | DiscoveryException e) {
            throw failure("cannot read the invocations", e);
        }
        return listed;
    }

    @Override
    public ObjectNode show(String invocationId, Optional<String> room) throws DeskException {
        Optional<InvocationRecord> record = record(invocationId, room);
        Optional<ObjectNode> live = liveView(invocationId);
        if (record.isEmpty() && live.isEmpty()) {
            throw new DeskException(DeskException.Kind.NOT_FOUND, "no invocation " + invocationId
                    + " in the published state of " + roomsText(room) + " nor live here");
        }
        ObjectNode node = record.map(InvocationRecord::toJson).orElseGet(() -> {
            ObjectNode partial = ProtocolJson.newObject();
            partial.put("invocation_id", invocationId);
            return partial;
        });
        live.ifPresent(view -> node.set("live", view));
        return node;
    }

    @Override
    public ObjectNode cancel(String invocationId, Optional<String> room, String reason) throws DeskException {
        ObjectNode result = ProtocolJson.newObject();
        result.put("invocation_id", invocationId);
        Optional<Session> session = services.sessions().find(invocationId);
        if (session.isPresent()) {
            result.put("cancelled", session.get().cancel(reason));
            result.put("via", "requester_session");
            return result;
        }
        Optional<ExecRun> run = runs.get(invocationId);
        if (run.isPresent()) {
            result.put("cancelled", run.get().cancel(reason));
            result.put("via", "target_run");
            return result;
        }
        InvocationRecord record = record(invocationId, room).orElseThrow(() -> new DeskException(
                DeskException.Kind.NOT_FOUND, "no invocation " + invocationId + " in " + roomsText(room)));
        try {
            if (!agents.hosts(record.roomId(), record.state().requester())) {
                throw new DeskException(DeskException.Kind.INVALID, "invocation " + invocationId + " was requested by "
                        + record.state().requester() + ", which this runtime does not host: only its requester may "
                        + "cancel it");
            }
            services.sender().send(record.roomId(), Controls.cancel(invocationId, reason, services.clock().instant()));
        } catch (DiscoveryException | MatrixException | CanonicalJsonException e) {
            throw failure("cannot send the cancel", e);
        }
        result.put("cancelled", true);
        result.put("via", "signed_cancel");
        result.put("room_id", record.roomId());
        return result;
    }

    @Override
    public Artifact artifact(String invocationId, StreamName stream, Optional<String> room) throws DeskException {
        InvocationRecord record = record(invocationId, room).orElseThrow(() -> new DeskException(
                DeskException.Kind.NOT_FOUND, "no invocation " + invocationId + " in " + roomsText(room)));
        AgentView target;
        try {
            target = agents.inRoom(record.roomId(), record.state().target()).orElseThrow(() -> new DeskException(
                    DeskException.Kind.NOT_FOUND, "the target " + record.state().target() + " publishes no agent.v1"));
        } catch (DiscoveryException e) {
            throw failure("cannot read the agents", e);
        }
        ArtifactFetcher.Download download = artifacts.fetch(record.roomId(), target, invocationId, stream);
        ObjectNode description = ProtocolJson.newObject();
        description.put("invocation_id", invocationId);
        description.put("room_id", record.roomId());
        description.put("stream", stream.wire());
        description.put("name", download.artifact().name());
        description.put("mime_type", download.artifact().mimeType());
        description.put("size_bytes", download.artifact().sizeBytes());
        description.put("sha256", download.artifact().sha256());
        description.put("sha256_verified", true);
        description.put("mxc_uri", download.artifact().mxcUri());
        description.put("encrypted", download.artifact().encryptedFile().isPresent());
        return new Artifact(description, download.rawLog());
    }

    @Override
    public List<ObjectNode> tools() {
        return catalog.all().stream().map(ToolStates::describe).toList();
    }

    // ------------------------------------------------------------------ helpers

    private record Endpoints(String roomId, AgentView target, String requester) {}

    /** The room, the target as published there (key trusted here), and the hosted agent that requests. */
    private Endpoints endpoints(String room, String agentId, Optional<String> asAgent) throws DeskException {
        MatrixClient client;
        try {
            client = services.client().require();
        } catch (MatrixException e) {
            throw new DeskException(DeskException.Kind.NOT_LOGGED_IN,
                    "the runtime is not logged in: mx-agent auth login");
        }
        String roomId = Rooms.resolve(client, room);
        try {
            AgentView target = agents.inRoom(roomId, agentId).orElseThrow(() -> new DeskException(
                    DeskException.Kind.NOT_FOUND, "no agent " + agentId + " publishes agent.v1 in " + roomId));
            if (!trust.isTrusted(target.state().signingKeyId())) {
                throw new DeskException(DeskException.Kind.FAILED, "the key of " + agentId + " ("
                        + target.state().signingKeyId() + ") is not trusted here, so its results would be dropped; "
                        + "approve it first (trust approve / trust:approve " + agentId + " "
                        + target.state().signingKeyId() + ")");
            }
            List<AgentRegistration> hosted = agents.hostedIn(roomId);
            String requester = asAgent.isPresent()
                    ? hosted.stream().map(AgentRegistration::agentId).filter(asAgent.get()::equals).findFirst()
                            .orElseThrow(() -> new DeskException(DeskException.Kind.INVALID, "this runtime does not "
                                    + "host " + asAgent.get() + " in " + roomId))
                    : hosted.stream().map(AgentRegistration::agentId).sorted().findFirst()
                            .orElseThrow(() -> new DeskException(DeskException.Kind.INVALID, "this runtime hosts no "
                                    + "agent in " + roomId + " to request as: register one first (agent register)"));
            return new Endpoints(roomId, target, requester);
        } catch (DiscoveryException e) {
            throw failure("cannot read the agents of " + roomId, e);
        }
    }

    private Session loopbackExec(String invocationId, ExecParams params, TerminalSize size) throws DeskException {
        ExecutionPolicy execution = policy.policy().execution();
        Allowance allowance = LoopbackAllowance.of(execution, params.timeoutMs());
        ExecSpec spec = new ExecSpec(invocationId, params.argv(), Path.of(params.cwd()), params.env(), params.stdin(),
                params.pty() ? Optional.of(size) : Optional.empty());
        LoopbackExecSession session = new LoopbackExecSession(services, exec, spec, allowance);
        if (execution.requireSandbox() && allowance.sandbox() == SandboxKind.NONE) {
            session.refuse("sandbox_required");
        } else {
            session.start();
        }
        return session;
    }

    private static void requireAbsolute(String cwd) throws DeskException {
        if (cwd.isEmpty() || !Path.of(cwd).isAbsolute()) {
            throw new DeskException(DeskException.Kind.INVALID, "the working directory must be an absolute path: '"
                    + cwd + "'");
        }
    }

    /** The target's {@code agent.v1.workspace.cwd}: where a remote exec without {@code --cwd} runs. */
    private static String advertisedCwd(AgentView target) throws DeskException {
        var workspace = target.state().workspace();
        if (workspace == null || workspace.cwd() == null || workspace.cwd().isBlank()) {
            throw new DeskException(DeskException.Kind.INVALID, target.agentId() + " advertises no working "
                    + "directory (agent.v1.workspace.cwd): give one with --cwd");
        }
        return workspace.cwd();
    }

    private static TerminalSize size(int rows, int cols) throws DeskException {
        try {
            return rows <= 0 || cols <= 0 ? TerminalSize.DEFAULT : TerminalSize.of(rows, cols);
        } catch (IllegalArgumentException e) {
            throw new DeskException(DeskException.Kind.INVALID, e.getMessage());
        }
    }

    private Optional<InvocationRecord> record(String invocationId, Optional<String> room) throws DeskException {
        try {
            return invocations.find(invocationId, rooms(room));
        } catch (MatrixException | DiscoveryException e) {
            throw failure("cannot read the invocations", e);
        }
    }

    private Optional<ObjectNode> liveView(String invocationId) {
        Optional<ObjectNode> session = services.sessions().find(invocationId).map(Session::describe);
        return session.isPresent() ? session : runs.get(invocationId).map(ExecRun::describe);
    }

    private ObjectNode withLive(ObjectNode record) {
        String id = record.path("invocation_id").asText();
        boolean requesting = services.sessions().find(id).filter(s -> !s.frames().isFinished()).isPresent();
        record.put("live", requesting || runs.contains(id));
        return record;
    }

    /** The given room, else every room this runtime hosts an agent in or has a live session in. */
    private List<String> rooms(Optional<String> room) throws DeskException, DiscoveryException {
        if (room.isPresent()) {
            try {
                return List.of(Rooms.resolve(services.client().require(), room.get()));
            } catch (MatrixException e) {
                throw new DeskException(DeskException.Kind.NOT_LOGGED_IN, "the runtime is not logged in");
            }
        }
        Set<String> rooms = new LinkedHashSet<>();
        agents.hosted().forEach(registration -> rooms.add(registration.roomId()));
        services.sessions().all().forEach(session -> session.roomId().ifPresent(rooms::add));
        return List.copyOf(rooms);
    }

    private static String roomsText(Optional<String> room) {
        return room.orElse("the rooms this runtime hosts agents in");
    }

    private static DeskException failure(String what, Exception e) {
        if (e instanceof MatrixException matrix && ClientRef.NOT_LOGGED_IN.equals(matrix.errcode())) {
            return new DeskException(DeskException.Kind.NOT_LOGGED_IN, "the runtime is not logged in", e);
        }
        if (e instanceof DiscoveryException discovery
                && discovery.kind() == DiscoveryException.Kind.NOT_LOGGED_IN) {
            return new DeskException(DeskException.Kind.NOT_LOGGED_IN, e.getMessage(), e);
        }
        return new DeskException(DeskException.Kind.FAILED, what + ": " + e.getMessage(), e);
    }
}
