package org.mxagent.exec.impl.target;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The runs this runtime executes for remote requesters, by invocation id, while they live. */
public final class RunRegistry {
    private final Map<String, ExecRun> runs = new ConcurrentHashMap<>();

    /** False if a run with that invocation id is already here. */
    public boolean add(ExecRun run) {
        return runs.putIfAbsent(run.invocationId(), run) == null;
    }

    public void remove(ExecRun run) {
        runs.remove(run.invocationId(), run);
    }

    public Optional<ExecRun> get(String invocationId) {
        return Optional.ofNullable(runs.get(invocationId));
    }

    public boolean contains(String invocationId) {
        return runs.containsKey(invocationId);
    }

    public List<ExecRun> all() {
        return List.copyOf(runs.values());
    }

    public int size() {
        return runs.size();
    }
}
