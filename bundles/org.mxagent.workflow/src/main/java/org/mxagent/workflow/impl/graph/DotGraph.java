package org.mxagent.workflow.impl.graph;

import java.util.Map;
import org.mxagent.protocol.api.event.TaskState;

/** {@code task graph --format dot}: Graphviz DOT, one node per task coloured by state, edges dependency -> dependent. */
public final class DotGraph {
    private static final Map<String, String> COLOURS = Map.of(
            "succeeded", "palegreen", "failed", "salmon", "executing", "lightskyblue", "cancelled", "grey80",
            "superseded", "grey90", "blocked", "orange", "assigned", "lightyellow", "pending", "white",
            "proposed", "white");

    private DotGraph() {}

    public static String render(String roomId, TaskGraph graph) {
        StringBuilder out = new StringBuilder();
        out.append("digraph tasks {\n  label=").append(quote("tasks of " + roomId)).append(";\n")
                .append("  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\"];\n");
        for (TaskState task : graph.tasks().values()) {
            String label = task.title() + "\n" + task.state() + " · " + Readiness.target(task).orElse("unassigned");
            out.append("  ").append(quote(task.taskId())).append(" [label=").append(quote(label))
                    .append(", fillcolor=").append(quote(COLOURS.getOrDefault(task.state(), "white")))
                    .append("];\n");
        }
        for (TaskState task : graph.tasks().values()) {
            for (String dependency : graph.dependenciesOf(task.taskId())) {
                out.append("  ").append(quote(dependency)).append(" -> ").append(quote(task.taskId()))
                        .append(";\n");
            }
        }
        return out.append("}\n").toString();
    }

    /** A DOT quoted string: backslash and quote escaped, newlines as {@code \n}. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> { }
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
