package org.mxagent.workflow.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The nine {@code task.v1} states and the transitions protocol.md §2.6 allows between them. */
public final class TaskStates {
    public static final String PROPOSED = "proposed";
    public static final String PENDING = "pending";
    public static final String ASSIGNED = "assigned";
    public static final String EXECUTING = "executing";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    public static final String BLOCKED = "blocked";
    public static final String SUPERSEDED = "superseded";

    public static final List<String> ALL =
            List.of(PROPOSED, PENDING, ASSIGNED, EXECUTING, SUCCEEDED, FAILED, CANCELLED, BLOCKED, SUPERSEDED);

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            PROPOSED, Set.of(PENDING, CANCELLED, SUPERSEDED),
            PENDING, Set.of(ASSIGNED, EXECUTING, BLOCKED, CANCELLED, SUPERSEDED),
            ASSIGNED, Set.of(PENDING, EXECUTING, BLOCKED, CANCELLED, SUPERSEDED),
            BLOCKED, Set.of(PENDING, ASSIGNED, CANCELLED, SUPERSEDED),
            EXECUTING, Set.of(SUCCEEDED, FAILED, CANCELLED),
            SUCCEEDED, Set.of(),
            FAILED, Set.of(),
            CANCELLED, Set.of(),
            SUPERSEDED, Set.of());

    private TaskStates() {}

    public static boolean isKnown(String state) {
        return ALLOWED.containsKey(state);
    }

    public static boolean isTerminal(String state) {
        return isKnown(state) && ALLOWED.get(state).isEmpty();
    }

    /** Same-state "transitions" of a known state are allowed. */
    public static boolean isAllowed(String from, String to) {
        return isKnown(from) && isKnown(to) && (from.equals(to) || ALLOWED.get(from).contains(to));
    }

    /**
     * @throws WorkflowException (INVALID) naming from and to, and what {@code from} may become
     */
    public static void check(String from, String to) throws WorkflowException {
        if (!isKnown(to)) {
            throw new WorkflowException(WorkflowException.Kind.INVALID,
                    "unknown task state '" + to + "'; expected one of " + ALL);
        }
        if (!isAllowed(from, to)) {
            Set<String> next = isKnown(from) ? ALLOWED.get(from) : Set.of();
            throw new WorkflowException(WorkflowException.Kind.INVALID, "invalid task transition " + from + " -> "
                    + to + (next.isEmpty() ? " (" + from + " is terminal)"
                            : "; " + from + " may only become one of " + ALL.stream().filter(next::contains).toList()));
        }
    }
}
