package org.mxagent.workflow.impl.graph;

import java.util.List;
import java.util.stream.Collectors;
import org.mxagent.protocol.api.event.TaskState;

/** {@code task graph} as text: one block per task with state, owner, edges and why it is not runnable. */
public final class TextGraph {
    private TextGraph() {}

    public static String render(String roomId, TaskGraph graph, List<String> problems) {
        StringBuilder out = new StringBuilder();
        out.append("task graph of ").append(roomId).append(": ").append(graph.tasks().size()).append(" task(s)\n");
        graph.findCycle().ifPresent(c -> out.append("CYCLE: ").append(String.join(" -> ", c)).append('\n'));
        for (TaskState task : graph.tasks().values()) {
            out.append(task.taskId()).append("  [").append(task.state()).append("]  ").append(task.title())
                    .append('\n');
            out.append("  owner: ").append(Readiness.target(task).orElse("-"));
            if (task.invocationId() != null) {
                out.append("  invocation: ").append(task.invocationId());
            }
            out.append("  rev ").append(task.stateRev()).append('\n');
            if (!graph.dependenciesOf(task.taskId()).isEmpty()) {
                out.append("  after: ").append(String.join(", ", graph.dependenciesOf(task.taskId()))).append('\n');
            }
            if (!graph.dependentsOf(task.taskId()).isEmpty()) {
                out.append("  blocks: ").append(String.join(", ", graph.dependentsOf(task.taskId()))).append('\n');
            }
            if (task.result() != null) {
                out.append("  result: ").append(task.result().status());
                if (task.result().reason() != null) {
                    out.append(" (").append(task.result().reason()).append(')');
                }
                if (task.result().exitCode() != null) {
                    out.append(" exit ").append(task.result().exitCode());
                }
                out.append('\n');
            }
            List<String> blockers = Readiness.blockers(graph, task);
            if (!blockers.isEmpty() && !org.mxagent.workflow.api.TaskStates.isTerminal(task.state())
                    && !"executing".equals(task.state())) {
                out.append("  not runnable: ").append(blockers.stream().collect(Collectors.joining("; ")))
                        .append('\n');
            }
        }
        for (String problem : problems) {
            out.append("malformed task.v1 ").append(problem).append('\n');
        }
        return out.toString();
    }
}
