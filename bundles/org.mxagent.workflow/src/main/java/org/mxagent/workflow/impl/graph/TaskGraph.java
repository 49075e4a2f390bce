package org.mxagent.workflow.impl.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mxagent.protocol.api.event.TaskState;

/**
 * The dependency DAG of a room's tasks: an edge {@code a -> b} means b waits for a. Edges come from both
 * {@code b.depends_on} (contains a) and {@code a.blocks} (contains b), so a task can declare either side without
 * rewriting the other task's state.
 */
public final class TaskGraph {
    private final Map<String, TaskState> tasks = new LinkedHashMap<>();
    private final Map<String, Set<String>> dependencies = new HashMap<>();
    private final Map<String, Set<String>> dependents = new HashMap<>();

    public TaskGraph(List<TaskState> states) {
        for (TaskState task : states) {
            tasks.put(task.taskId(), task);
        }
        for (TaskState task : states) {
            for (String dependency : task.dependsOn()) {
                edge(dependency, task.taskId());
            }
            for (String blocked : task.blocks()) {
                edge(task.taskId(), blocked);
            }
        }
    }

    private void edge(String from, String to) {
        dependencies.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(from);
        dependents.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
    }

    public Map<String, TaskState> tasks() {
        return Collections.unmodifiableMap(tasks);
    }

    /** What {@code taskId} waits for. */
    public Set<String> dependenciesOf(String taskId) {
        return dependencies.getOrDefault(taskId, Set.of());
    }

    /** What waits for {@code taskId}. */
    public Set<String> dependentsOf(String taskId) {
        return dependents.getOrDefault(taskId, Set.of());
    }

    /** Edge ids named by a task that no task of the room has. */
    public Set<String> unknownIds() {
        Set<String> unknown = new LinkedHashSet<>();
        dependencies.forEach((to, froms) -> {
            froms.stream().filter(f -> !tasks.containsKey(f)).forEach(unknown::add);
            if (!tasks.containsKey(to)) {
                unknown.add(to);
            }
        });
        return unknown;
    }

    /**
     * A cycle as a path {@code [a, b, …, a]} (each waits for the next one's predecessor: a -> b -> … -> a), or
     * empty. Iterative depth-first search with colours: terminates on any input.
     */
    public Optional<List<String>> findCycle() {
        Map<String, Integer> colour = new HashMap<>();
        Set<String> nodes = new LinkedHashSet<>(tasks.keySet());
        nodes.addAll(dependents.keySet());
        for (String start : nodes) {
            if (colour.getOrDefault(start, 0) != 0) {
                continue;
            }
            List<String> path = new ArrayList<>();
            List<java.util.Iterator<String>> iterators = new ArrayList<>();
            path.add(start);
            iterators.add(dependentsOf(start).iterator());
            colour.put(start, 1);
            while (!path.isEmpty()) {
                java.util.Iterator<String> next = iterators.get(iterators.size() - 1);
                if (next.hasNext()) {
                    String child = next.next();
                    int c = colour.getOrDefault(child, 0);
                    if (c == 1) {
                        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(child), path.size()));
                        cycle.add(child);
                        return Optional.of(cycle);
                    }
                    if (c == 0) {
                        colour.put(child, 1);
                        path.add(child);
                        iterators.add(dependentsOf(child).iterator());
                    }
                } else {
                    colour.put(path.remove(path.size() - 1), 2);
                    iterators.remove(iterators.size() - 1);
                }
            }
        }
        return Optional.empty();
    }
}
