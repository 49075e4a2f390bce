package org.mxagent.discovery.api;

import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Workspaces are Matrix rooms with {@code com.mxagent.workspace.v1} state. Every call needs a logged-in
 * runtime ({@link DiscoveryException.Kind#NOT_LOGGED_IN} otherwise) and blocks on the homeserver. Rooms are
 * given as id ({@code !opaque}, room version 12 has no {@code :server}) or alias ({@code #name:server}).
 */
@ProviderType
public interface WorkspaceService {

    /** The level {@link #grant} gives when none is asked for: enough to write every {@code com.mxagent.*} state. */
    int AGENT_LEVEL = 50;

    /**
     * Creates the room with the protocol's power levels (state only for the creator, {@code com.mxagent.*}
     * state at 50), optional encryption, and {@code workspace.v1} published by this account.
     */
    WorkspaceSummary create(WorkspaceSpec spec) throws DiscoveryException;

    /** Joins a room; the summary's {@code workspace} is null if the room is not (yet) a workspace. */
    WorkspaceSummary join(String roomIdOrAlias) throws DiscoveryException;

    /** Sets {@code userId}'s power level (0..100) in {@code m.room.power_levels}; returns the room id. */
    String grant(String room, String userId, int level) throws DiscoveryException;

    /**
     * Attaches a project checkout to a workspace: publishes {@code workspace.v1} with {@code path}, the
     * {@code repo} read from git at {@code path} (null when it is not a git work tree), this account as
     * {@code attached_by}, the time and the next {@code state_rev}. {@code projectId} empty keeps the current
     * one (else the directory's name). {@code path} must be an absolute directory.
     */
    WorkspaceAttachment attach(String room, Path path, String projectId) throws DiscoveryException;

    /** Name, alias, members, power levels, {@code workspace.v1} and the agents with their liveness. */
    WorkspaceStatus status(String room) throws DiscoveryException;

    /** The joined rooms that have {@code workspace.v1} state. */
    List<WorkspaceSummary> list() throws DiscoveryException;

    /**
     * Public rooms from this homeserver's room directory ({@code /publicRooms}), optionally narrowed by a search
     * term (empty for all), at most {@code limit}.
     */
    List<PublicRoom> discover(String searchTerm, int limit) throws DiscoveryException;
}
