package org.mxagent.workflow.impl.schedule;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one node knows about claims, fed in sync (stream) order: the first counting claim per
 * {@code (task_id, state_rev)} wins, later ones lose. Also remembers which {@code task.v1} events this node has seen,
 * since only for those is the claim history complete (specs/workflow.md). Not thread-safe: one scheduler thread.
 */
public final class ClaimLedger {
    private final Map<Claim.Key, Claim> winners = new HashMap<>();
    private final Set<String> seenTaskEvents = new HashSet<>();
    private long conflicts;

    /** Records a counting claim; returns the winner of its key (itself if it was first). */
    public Claim record(Claim claim) {
        Claim winner = winners.putIfAbsent(claim.key(), claim);
        if (winner == null) {
            return claim;
        }
        if (!winner.nonce().equals(claim.nonce())) {
            conflicts++;
        }
        return winner;
    }

    public Optional<Claim> winner(Claim.Key key) {
        return Optional.ofNullable(winners.get(key));
    }

    public void sawTaskEvent(String eventId) {
        seenTaskEvents.add(eventId);
    }

    public boolean knowsHistorySince(String taskEventId) {
        return seenTaskEvents.contains(taskEventId);
    }

    /** Claims that arrived after another claim had already won their key. */
    public long conflicts() {
        return conflicts;
    }
}
