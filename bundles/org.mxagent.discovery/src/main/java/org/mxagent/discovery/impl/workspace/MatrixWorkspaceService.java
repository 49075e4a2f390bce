package org.mxagent.discovery.impl.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mxagent.discovery.api.AgentRegistry;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.DiscoveryException.Kind;
import org.mxagent.discovery.api.PublicRoom;
import org.mxagent.discovery.api.Visibility;
import org.mxagent.discovery.api.WorkspaceAttachment;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.api.WorkspaceSpec;
import org.mxagent.discovery.api.WorkspaceStatus;
import org.mxagent.discovery.api.WorkspaceSummary;
import org.mxagent.discovery.impl.MatrixFailures;
import org.mxagent.discovery.impl.Rooms;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.WorkspaceRepo;
import org.mxagent.protocol.api.event.WorkspaceState;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/** {@link WorkspaceService} over the Matrix client-server API of the current session. */
@Component(service = WorkspaceService.class)
public final class MatrixWorkspaceService implements WorkspaceService {
    private static final String CAPABILITIES = "/_matrix/client/v3/capabilities";
    private static final String PUBLIC_ROOMS = "/_matrix/client/v3/publicRooms";
    private static final String DIRECTORY_LIST = "/_matrix/client/v3/directory/list/room/";
    /** Each git call of {@code workspace attach}; reading a few refs never takes long. */
    private static final Duration GIT_TIMEOUT = Duration.ofSeconds(20);

    private final AgentRegistry agents;
    private final Logger log;
    private final Clock clock = Clock.systemUTC();
    private volatile MatrixClient client;

    @Activate
    public MatrixWorkspaceService(@Reference AgentRegistry agents,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.agents = agents;
        this.log = log;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindClient(MatrixClient client) {
        this.client = client;
    }

    void unbindClient(MatrixClient client) {
        if (this.client == client) {
            this.client = null;
        }
    }

    @Override
    public WorkspaceSummary create(WorkspaceSpec spec) throws DiscoveryException {
        MatrixClient current = Rooms.require(client);
        String creator = current.session().userId();
        String roomVersion = defaultRoomVersion(current);
        ObjectNode body = CreateRoomRequest.build(spec, creator, roomVersion, clock.millis());
        try {
            String roomId = current.createRoom(body);
            log.info("created workspace {} (room version {}, {}, e2ee {})", roomId, roomVersion,
                    spec.visibility().wire(), spec.e2ee() ? "on" : "off");
            WorkspaceSummary summary = summary(current, roomId);
            if (spec.visibility() == Visibility.PUBLIC && summary.directoryVisibility() != Visibility.PUBLIC) {
                log.warn("homeserver did not list public workspace {} in its room directory (its "
                        + "room_list_publication_rules refuse this account); others can still join by alias or id",
                        roomId);
            }
            return summary;
        } catch (MatrixException e) {
            throw MatrixFailures.wrap("create the workspace room", e);
        }
    }

    @Override
    public WorkspaceSummary join(String roomIdOrAlias) throws DiscoveryException {
        MatrixClient current = Rooms.require(client);
        String room = Rooms.checkRoom(roomIdOrAlias);
        try {
            return summary(current, current.joinRoom(room));
        } catch (MatrixException e) {
            throw MatrixFailures.wrap("join " + room, e);
        }
    }

    @Override
    public String grant(String room, String userId, int level) throws DiscoveryException {
        MatrixClient current = Rooms.require(client);
        Rooms.checkUser(userId);
        if (level < 0 || level > PowerLevels.CREATOR) {
            throw new DiscoveryException(Kind.INVALID, "level must be 0..100, got " + level);
        }
        String roomId = Rooms.resolve(current, room);
        try {
            RoomStateReader state = new RoomStateReader(current.roomState(roomId));
            if (state.creators().contains(userId)) {
                throw new DiscoveryException(Kind.INVALID, userId + " created " + roomId + " and has unlimited "
                        + "power there (room version " + state.roomVersion() + "); nothing to grant");
            }
            current.putState(roomId, "m.room.power_levels", "", PowerLevels.withUser(state.powerLevels(), userId,
                    level));
            log.info("granted {} power level {} in {}", userId, level, roomId);
            return roomId;
        } catch (MatrixException e) {
            throw MatrixFailures.wrap("set the power level of " + userId + " in " + roomId, e);
        }
    }

    @Override
    public WorkspaceStatus status(String room) throws DiscoveryException {
        MatrixClient current = Rooms.require(client);
        String roomId = Rooms.resolve(current, room);
        RoomStateReader state;
        try {
            state = new RoomStateReader(current.roomState(roomId));
        } catch (MatrixException e) {
            throw MatrixFailures.wrap("read the state of " + roomId, e);
        }
        return new WorkspaceStatus(roomId, state.name(), state.alias(), state.topic(), state.roomVersion(),
                state.encrypted(), state.creators(), state.members(), state.powerLevels(), state.workspace(),
                agents.list(roomId, Set.of()), state.taskCounts());
    }

    @Override
    public WorkspaceAttachment attach(String room, Path path, String projectId) throws DiscoveryException {
        MatrixClient current = Rooms.require(client);
        if (path == null || !path.isAbsolute()) {
            throw new DiscoveryException(Kind.INVALID, "the path must be absolute (the daemon does not share the "
                    + "caller's working directory): " + path);
        }
        Path directory = path.normalize();
        if (!Files.isDirectory(directory)) {
            throw new DiscoveryException(Kind.NOT_FOUND, "no such directory: " + directory);
        }
        String roomId = Rooms.resolve(current, room);
        Optional<WorkspaceRepo> repo = new GitCheckout(GIT_TIMEOUT).read(directory);
        try {
            Optional<ObjectNode> previous = current.getState(roomId, EventTypes.WORKSPACE, "");
            WorkspaceState attached = Attachment.next(previous.orElse(null), directory, repo.orElse(null),
                    projectId, current.session().userId(), clock.millis());
            String eventId = current.putState(roomId, EventTypes.WORKSPACE, "", ProtocolCodec.encode(attached));
            log.info("attached {} to workspace {} (project {}, state_rev {})", directory, roomId,
                    attached.projectId(), attached.stateRev());
            return new WorkspaceAttachment(roomId, attached, eventId);
        } catch (MatrixException e) {
            throw MatrixFailures.wrap("publish workspace.v1 in " + roomId + " (power level 50 needed)", e);
        }
    }

    @Override
    public List<WorkspaceSummary> list() throws DiscoveryException {
        MatrixClient current = Rooms.require(client);
        List<WorkspaceSummary> workspaces = new ArrayList<>();
        try {
            for (String roomId : current.joinedRooms()) {
                if (current.getState(roomId, EventTypes.WORKSPACE, "").isPresent()) {
                    workspaces.add(summary(current, roomId));
                }
            }
        } catch (MatrixException e) {
            throw MatrixFailures.wrap("list the joined workspaces", e);
        }
        return workspaces;
    }

    @Override
    public List<PublicRoom> discover(String searchTerm, int limit) throws DiscoveryException {
        MatrixClient current = Rooms.require(client);
        ObjectNode body = ProtocolJson.newObject().put("limit", Math.max(1, Math.min(limit, 500)));
        if (searchTerm != null && !searchTerm.isBlank()) {
            body.putObject("filter").put("generic_search_term", searchTerm.trim());
        }
        try {
            JsonNode reply = current.request("POST", PUBLIC_ROOMS, body);
            List<String> joined = current.joinedRooms();
            List<PublicRoom> rooms = new ArrayList<>();
            for (JsonNode entry : reply.path("chunk")) {
                String roomId = entry.path("room_id").asText();
                rooms.add(new PublicRoom(roomId, entry.path("canonical_alias").asText(""),
                        entry.path("name").asText(""), entry.path("topic").asText(""),
                        entry.path("num_joined_members").asLong(0), joined.contains(roomId),
                        hasWorkspace(current, roomId)));
            }
            return rooms;
        } catch (MatrixException e) {
            throw MatrixFailures.wrap("read the public room directory", e);
        }
    }

    /** TRUE/FALSE if the state is readable (joined, or world-readable), else null: unknown until joined. */
    private Boolean hasWorkspace(MatrixClient current, String roomId) {
        try {
            return current.getState(roomId, EventTypes.WORKSPACE, "").isPresent();
        } catch (MatrixException e) {
            log.debug("cannot read workspace.v1 of public room {}: {}", roomId, e.getMessage());
            return null;
        }
    }

    private WorkspaceSummary summary(MatrixClient current, String roomId) throws MatrixException {
        return new WorkspaceSummary(roomId, text(current, roomId, "m.room.name", "name"),
                text(current, roomId, "m.room.canonical_alias", "alias"),
                text(current, roomId, "m.room.topic", "topic"), directoryVisibility(current, roomId),
                current.getState(roomId, EventTypes.WORKSPACE, "").orElse(null));
    }

    /** What the server says about the room's directory listing ({@code /directory/list/room}). */
    private static Visibility directoryVisibility(MatrixClient current, String roomId) throws MatrixException {
        JsonNode reply = current.request("GET", DIRECTORY_LIST + URLEncoder.encode(roomId, StandardCharsets.UTF_8),
                null);
        return "public".equals(reply.path("visibility").asText()) ? Visibility.PUBLIC : Visibility.PRIVATE;
    }

    private static String text(MatrixClient current, String roomId, String type, String field)
            throws MatrixException {
        Optional<ObjectNode> content = current.getState(roomId, type, "");
        return content.map(c -> c.path(field).asText("")).orElse("");
    }

    /** The version {@code /createRoom} will use: the server's default from {@code /capabilities}. */
    private String defaultRoomVersion(MatrixClient current) throws DiscoveryException {
        try {
            JsonNode versions = current.request("GET", CAPABILITIES, null).path("capabilities")
                    .path("m.room_versions");
            return versions.path("default").asText("1");
        } catch (MatrixException e) {
            throw MatrixFailures.wrap("read the homeserver's room versions", e);
        }
    }
}
