package org.mxagent.discovery.impl.watch;

import java.time.Clock;
import java.util.function.Supplier;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.DiscoveryException.Kind;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.api.WorkspaceStatus;
import org.mxagent.discovery.impl.liveness.LivenessRule;
import org.mxagent.discovery.impl.liveness.LivenessTracker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The long poll behind {@code workspace status --watch}: returns the room's status as soon as what a watcher
 * shows differs from the digest it last saw. Between looks it waits for sync to deliver an event of the room
 * ({@link RoomActivity}) or for the next moment an agent's liveness turns by time alone, whichever is first.
 */
@Component(service = WorkspaceWatch.class)
public final class WorkspaceWatch {
    /** What one look returns. */
    public record Change(String digest, boolean changed, WorkspaceStatus status) {}

    private final WorkspaceService workspaces;
    private final RoomActivity activity;
    private final Supplier<LivenessRule> rule;
    private final Clock clock;

    @Activate
    public WorkspaceWatch(@Reference WorkspaceService workspaces, @Reference RoomActivity activity,
            @Reference LivenessTracker liveness) {
        this(workspaces, activity, liveness::rule, Clock.systemUTC());
    }

    /** @param rule the liveness rule in force (it may be reconfigured between looks) */
    WorkspaceWatch(WorkspaceService workspaces, RoomActivity activity, Supplier<LivenessRule> rule, Clock clock) {
        this.workspaces = workspaces;
        this.activity = activity;
        this.rule = rule;
        this.clock = clock;
    }

    /**
     * @param roomId a room id (not an alias)
     * @param seen the digest the watcher has (empty: none, answer at once)
     * @param timeoutMillis how long to wait for a change at most
     */
    public Change await(String roomId, String seen, long timeoutMillis) throws DiscoveryException {
        long deadline = clock.millis() + timeoutMillis;
        while (true) {
            long revision = activity.revision(roomId);
            WorkspaceStatus status = workspaces.status(roomId);
            String digest = WatchView.digest(status);
            long now = clock.millis();
            if (!digest.equals(seen)) {
                return new Change(digest, true, status);
            }
            long wakeAt = Math.min(deadline, WatchView.nextLivenessChange(status, rule.get(), now));
            if (wakeAt <= now) {
                return new Change(digest, false, status);
            }
            try {
                activity.awaitAfter(roomId, revision, wakeAt - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DiscoveryException(Kind.FAILED, "interrupted while watching " + roomId, e);
            }
        }
    }
}
