package org.mxagent.workflow.impl.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.event.TaskState;

class TaskGraphTest {

    static TaskState task(String id, String state, List<String> dependsOn, List<String> blocks) {
        return new TaskState(id, "title " + id, null, state, null, "agt_x", dependsOn, blocks, null,
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", 0, null, null, Optional.empty(), Map.of());
    }

    @Test
    void edgesComeFromDependsOnAndBlocks() {
        TaskGraph graph = new TaskGraph(List.of(task("a", "pending", List.of(), List.of("c")),
                task("b", "pending", List.of("a"), List.of()), task("c", "pending", List.of(), List.of())));
        assertEquals(java.util.Set.of("b", "c"), graph.dependentsOf("a"));
        assertEquals(List.of("a"), List.copyOf(graph.dependenciesOf("c")));
        assertTrue(graph.findCycle().isEmpty());
    }

    @Test
    void aCycleIsReportedAsItsPath() {
        TaskGraph graph = new TaskGraph(List.of(task("a", "pending", List.of(), List.of()),
                task("b", "pending", List.of("a"), List.of()), task("c", "pending", List.of("b"), List.of("a"))));
        assertEquals(Optional.of(List.of("a", "b", "c", "a")), graph.findCycle());
    }

    @Test
    void aSelfLoopAndALongChainTerminate() {
        assertEquals(Optional.of(List.of("s", "s")),
                new TaskGraph(List.of(task("s", "pending", List.of("s"), List.of()))).findCycle());
        List<TaskState> chain = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            chain.add(task("t" + i, "pending", i == 0 ? List.of() : List.of("t" + (i - 1)), List.of()));
        }
        assertTrue(new TaskGraph(chain).findCycle().isEmpty(), "a 5000-deep chain has no cycle (iterative DFS)");
    }

    @Test
    void readinessSaysWhyATaskCannotRun() {
        TaskGraph graph = new TaskGraph(List.of(task("a", "failed", List.of(), List.of()),
                task("b", "pending", List.of("a", "zz"), List.of())));
        assertEquals(List.of("manual task (no action)", "not assigned", "dependency a failed: will not run",
                "dependency zz is unknown"), Readiness.blockers(graph, graph.tasks().get("b")));
    }

    @Test
    void dotQuotesTitlesAndDrawsEdges() {
        TaskGraph graph = new TaskGraph(List.of(task("a", "succeeded", List.of(), List.of()),
                task("b", "pending", List.of("a"), List.of())));
        String dot = DotGraph.render("!r:x", graph);
        assertTrue(dot.contains("\"a\" -> \"b\";"), dot);
        assertEquals("\"say \\\"hi\\\"\\nnext\"", DotGraph.quote("say \"hi\"\nnext"));
    }
}
