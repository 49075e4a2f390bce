package org.mxagent.workflow.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mxagent.discovery.api.AgentRegistration;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.TaskAction;
import org.mxagent.protocol.api.event.TaskState;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.protocol.api.sign.TaskActionSigner;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.workflow.api.GraphFormat;
import org.mxagent.workflow.api.TaskChange;
import org.mxagent.workflow.api.TaskDraft;
import org.mxagent.workflow.api.TaskRecord;
import org.mxagent.workflow.api.TaskService;
import org.mxagent.workflow.api.TaskStates;
import org.mxagent.workflow.api.WorkflowException;
import org.mxagent.workflow.api.WorkflowException.Kind;
import org.mxagent.workflow.impl.graph.DotGraph;
import org.mxagent.workflow.impl.graph.SvgRenderer;
import org.mxagent.workflow.impl.graph.TaskGraph;
import org.mxagent.workflow.impl.graph.TextGraph;
import org.mxagent.workflow.impl.payload.PayloadEvents;
import org.mxagent.workflow.impl.payload.SealedTasks;
import org.mxagent.workflow.impl.payload.TaskPayload;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** {@link TaskService} over {@code task.v1} room state; actions are signed with this runtime's key. */
@Component(service = TaskService.class)
public final class MatrixTaskService implements TaskService {
    private final LocalSigner signer;
    private final AgentRegistry agents;
    private final LocalInvocations invocations;
    private final Logger log;
    private final ClientHolder client = new ClientHolder();
    private final SealedTasks sealed = new SealedTasks(new PayloadEvents());
    private final Clock clock = Clock.systemUTC();
    private final Duration ttl = TaskActionSigner.DEFAULT_TTL;

    @Activate
    public MatrixTaskService(@Reference LocalSigner signer, @Reference AgentRegistry agents,
            @Reference LocalInvocations invocations, @Reference(service = LoggerFactory.class) Logger log) {
        this.signer = signer;
        this.agents = agents;
        this.invocations = invocations;
        this.log = log;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindClient(MatrixClient matrixClient) {
        client.set(matrixClient);
    }

    void unbindClient(MatrixClient matrixClient) {
        client.clear(matrixClient);
    }

    @Override
    public TaskRecord create(TaskDraft draft) throws WorkflowException {
        MatrixClient matrix = client.require();
        String roomId = resolve(matrix, draft.room());
        if (draft.title().isBlank()) {
            throw new WorkflowException(Kind.INVALID, "a task needs a title");
        }
        String author = author(roomId, draft.createdBy());
        String taskId = Ids.newTaskId();
        List<String> problems = new ArrayList<>();
        List<TaskRecord> existing = RoomTasks.read(matrix, roomId, sealed, problems);
        List<TaskState> states = new ArrayList<>(existing.stream().map(TaskRecord::task).toList());
        for (String id : concat(draft.dependsOn(), draft.blocks())) {
            if (id.equals(taskId) || states.stream().noneMatch(t -> t.taskId().equals(id))) {
                throw new WorkflowException(Kind.INVALID, "unknown task " + id + " in depends_on/blocks of the new task");
            }
        }
        Instant now = clock.instant();
        ObjectNode content = ProtocolJson.newObject();
        content.put("task_id", taskId);
        content.put("title", draft.title());
        content.put("description", draft.description());
        content.put("state", TaskStates.PENDING);
        content.put("assigned_to", blankToNull(draft.assignedTo()));
        content.put("created_by", author);
        draft.dependsOn().forEach(content.putArray("depends_on")::add);
        draft.blocks().forEach(content.putArray("blocks")::add);
        content.putNull("invocation_id");
        content.put("created_at", Timestamps.seconds(now));
        content.put("updated_at", Timestamps.seconds(now));
        content.put("state_rev", 0);
        content.putNull("previous_event_id");
        content.putNull("result");
        if (draft.action().isPresent()) {
            String target = blankToNull(draft.assignedTo());
            if (target == null) {
                throw new WorkflowException(Kind.INVALID,
                        "a task with an action needs an assignee: its authorization is addressed to one agent");
            }
            content.set("action", sign(taskId, draft.action().get(), author, target, now));
        }
        TaskState task = decode(content);
        states.add(task);
        Optional<List<String>> cycle = new TaskGraph(states).findCycle();
        if (cycle.isPresent()) {
            throw new WorkflowException(Kind.INVALID, "refused: the new task would close a dependency cycle "
                    + String.join(" -> ", cycle.get()));
        }
        return write(matrix, roomId, task);
    }

    @Override
    public TaskRecord update(String room, String taskId, TaskChange change) throws WorkflowException {
        MatrixClient matrix = client.require();
        String roomId = resolve(matrix, room);
        TaskRecord current = require(matrix, roomId, taskId);
        TaskState task = current.task();
        TaskEdit edit = new TaskEdit(current);
        JsonNode payloadError = task.extra().get(TaskPayload.ERROR);
        if (payloadError != null && (change.title().isPresent() || change.description().isPresent()
                || change.assignedTo().isPresent() && !change.assignedTo().get().equals(task.assignedTo()))) {
            throw new WorkflowException(Kind.FAILED, "task " + taskId + " cannot be edited here: "
                    + payloadError.asText());
        }
        if (change.state().isPresent()) {
            TaskStates.check(task.state(), change.state().get());
            edit.state(change.state().get());
        }
        change.title().ifPresent(edit::title);
        change.description().ifPresent(edit::description);
        if (change.assignedTo().isPresent() && !change.assignedTo().get().equals(task.assignedTo())) {
            String assignee = blankToNull(change.assignedTo().get());
            edit.assignedTo(assignee);
            if (task.action().isPresent()) {
                if (assignee == null) {
                    throw new WorkflowException(Kind.INVALID, "a task with an action cannot be unassigned");
                }
                ObjectNode action = ProtocolCodec.encode(task).path("action").deepCopy();
                String requester = task.action().get().authorization().map(a -> a.requestingAgent())
                        .filter(this::hostedHere).orElse(author(roomId, ""));
                ObjectNode resigned = sign(taskId, action, requester, assignee, clock.instant());
                edit.action(Optional.of(decodeAction(task, resigned)));
            }
        }
        return write(matrix, roomId, edit.build(clock.instant()));
    }

    @Override
    public List<TaskRecord> list(String room) throws WorkflowException {
        MatrixClient matrix = client.require();
        List<String> problems = new ArrayList<>();
        List<TaskRecord> tasks = RoomTasks.read(matrix, resolve(matrix, room), sealed, problems);
        problems.forEach(p -> log.warn("task.v1 problem: {}", p));
        return tasks;
    }

    @Override
    public String graph(String room, GraphFormat format) throws WorkflowException {
        MatrixClient matrix = client.require();
        String roomId = resolve(matrix, room);
        List<String> problems = new ArrayList<>();
        TaskGraph graph = new TaskGraph(RoomTasks.read(matrix, roomId, sealed, problems).stream()
                .map(TaskRecord::task).toList());
        return switch (format) {
            case TEXT -> TextGraph.render(roomId, graph, problems);
            case DOT -> DotGraph.render(roomId, graph);
            case SVG -> SvgRenderer.render(DotGraph.render(roomId, graph));
        };
    }

    @Override
    public TaskRecord show(String room, String taskId) throws WorkflowException {
        MatrixClient matrix = client.require();
        String roomId = room == null || room.isBlank() ? roomOf(matrix, taskId) : resolve(matrix, room);
        return require(matrix, roomId, taskId);
    }

    @Override
    public TaskRecord cancel(String room, String taskId) throws WorkflowException {
        MatrixClient matrix = client.require();
        String roomId = room == null || room.isBlank() ? roomOf(matrix, taskId) : resolve(matrix, room);
        TaskRecord current = require(matrix, roomId, taskId);
        TaskStates.check(current.task().state(), TaskStates.CANCELLED);
        TaskRecord cancelled = write(matrix, roomId, new TaskEdit(current).state(TaskStates.CANCELLED)
                .build(clock.instant()));
        String invocationId = current.task().invocationId();
        if (invocationId != null) {
            invocations.find(invocationId).ifPresent(d -> d.cancel("task_cancelled"));
        }
        return cancelled;
    }

    private String roomOf(MatrixClient matrix, String taskId) throws WorkflowException {
        for (String roomId : hostedRooms()) {
            if (RoomTasks.find(matrix, roomId, sealed, taskId).isPresent()) {
                return roomId;
            }
        }
        throw new WorkflowException(Kind.NOT_FOUND, "no task " + taskId + " in the rooms of the agents hosted here");
    }

    private List<String> hostedRooms() throws WorkflowException {
        try {
            return agents.hosted().stream().map(AgentRegistration::roomId).distinct().toList();
        } catch (DiscoveryException e) {
            throw new WorkflowException(Kind.FAILED, "cannot list the hosted agents: " + e.getMessage(), e);
        }
    }

    private boolean hostedHere(String agentId) {
        try {
            return agents.hosted().stream().anyMatch(a -> a.agentId().equals(agentId));
        } catch (DiscoveryException e) {
            log.warn("cannot list the hosted agents: {}", e.getMessage());
            return false;
        }
    }

    /** The authoring agent: the one asked for (hosted here, in this room), else the first hosted in the room. */
    private String author(String roomId, String asked) throws WorkflowException {
        List<AgentRegistration> hosted;
        try {
            hosted = agents.hosted();
        } catch (DiscoveryException e) {
            throw new WorkflowException(Kind.FAILED, "cannot list the hosted agents: " + e.getMessage(), e);
        }
        List<AgentRegistration> inRoom = hosted.stream().filter(a -> a.roomId().equals(roomId)).toList();
        if (asked != null && !asked.isBlank()) {
            return inRoom.stream().filter(a -> a.agentId().equals(asked)).findFirst()
                    .orElseThrow(() -> new WorkflowException(Kind.INVALID, "agent " + asked
                            + " is not hosted by this runtime in " + roomId + ": it cannot author tasks here"))
                    .agentId();
        }
        return inRoom.stream().findFirst().orElseThrow(() -> new WorkflowException(Kind.INVALID,
                "this runtime hosts no agent in " + roomId + " (mx-agent agent register)")).agentId();
    }

    private ObjectNode sign(String taskId, ObjectNode action, String requester, String target, Instant now)
            throws WorkflowException {
        String type = action.path("type").asText();
        if (!TaskAction.EXEC.equals(type) && !TaskAction.TOOL.equals(type) && !TaskAction.AGENT.equals(type)) {
            throw new WorkflowException(Kind.INVALID, "action type must be exec, tool or agent, got '" + type + "'");
        }
        try {
            return ActionSigning.authorize(signer, taskId, action, requester, target, now, ttl);
        } catch (CanonicalJsonException e) {
            throw new WorkflowException(Kind.INVALID, "the action cannot be signed: " + e.getMessage(), e);
        }
    }

    private static TaskAction decodeAction(TaskState task, ObjectNode action) throws WorkflowException {
        ObjectNode content = ProtocolCodec.encode(task);
        content.set("action", action);
        return decode(content).action().orElseThrow();
    }

    private static TaskState decode(ObjectNode content) throws WorkflowException {
        try {
            return ProtocolCodec.decode(TaskState.class, content);
        } catch (MalformedEventException e) {
            throw new WorkflowException(Kind.INVALID, "not a valid task: " + e.getMessage(), e);
        }
    }

    private TaskRecord write(MatrixClient matrix, String roomId, TaskState task) throws WorkflowException {
        try {
            String eventId = sealed.put(matrix, roomId, ProtocolCodec.encode(task));
            log.info("task {} -> {} (rev {}) in {}", task.taskId(), task.state(), task.stateRev(), roomId);
            return new TaskRecord(roomId, task, eventId);
        } catch (MatrixException | CanonicalJsonException e) {
            throw new WorkflowException(Kind.FAILED, "cannot write task " + task.taskId() + ": " + e.getMessage(), e);
        }
    }

    private TaskRecord require(MatrixClient matrix, String roomId, String taskId) throws WorkflowException {
        return RoomTasks.find(matrix, roomId, sealed, taskId).orElseThrow(() -> new WorkflowException(Kind.NOT_FOUND,
                "no task " + taskId + " in " + roomId));
    }

    static String resolve(MatrixClient matrix, String room) throws WorkflowException {
        if (room == null || room.isBlank()) {
            throw new WorkflowException(Kind.INVALID, "a room is needed (room id or #alias)");
        }
        if (!room.startsWith("#")) {
            return room;
        }
        try {
            return matrix.resolveAlias(room);
        } catch (MatrixException e) {
            throw new WorkflowException(Kind.NOT_FOUND, "cannot resolve " + room + ": " + e.getMessage(), e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
