package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.w3c.dom.Document;

/**
 * Issue 6 through the real CLI on two runtimes: a six-task DAG whose edges cross between alice's and bob's
 * agents runs to completion in dependency order, each task exactly once (each appends a timestamped line to one
 * shared file); {@code task graph} of that run as SVG (well-formed XML naming every task) and DOT; a task whose
 * command bob's policy does not allow fails with {@code policy_denied}; alice's {@code task cancel} stops a task
 * running on bob's runtime.
 */
class WorkflowDagTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    // Two or three runtimes and dozens of Matrix round trips: on a loaded 2-core machine more than the default 120 s.
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aDagAcrossTwoRuntimesRunsInDependencyOrderOnceEach() throws Exception {
        WorkflowPair wf = WorkflowPair.create(e2e);
        String alice = wf.aliceAgent();
        String bob = wf.bobAgent();

        // fetch -> {compile (bob), lint (alice)} -> test (bob) -> package (alice) -> publish (bob)
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, List<String>> needs = new LinkedHashMap<>();
        create(wf, ids, needs, "fetch", alice, List.of());
        create(wf, ids, needs, "compile", bob, List.of("fetch"));
        create(wf, ids, needs, "lint", alice, List.of("fetch"));
        create(wf, ids, needs, "test", bob, List.of("compile", "lint"));
        create(wf, ids, needs, "package", alice, List.of("test"));
        create(wf, ids, needs, "publish", bob, List.of("package"));

        for (Map.Entry<String, String> task : ids.entrySet()) {
            JsonNode done = wf.awaitFinal(task.getValue(), Duration.ofSeconds(90));
            assertEquals("succeeded", done.path("state").asText(), () -> task.getKey() + ": " + done);
            assertEquals("process_exit", done.path("result").path("reason").asText(), done::toString);
            assertEquals(task.getKey().equals("compile") || task.getKey().equals("test")
                    || task.getKey().equals("publish") ? bob : alice, done.path("result").path("completed_by").asText(),
                    () -> "ran on the assigned agent's runtime: " + done);
        }

        CliResult watched = wf.alice().cli("task", "watch", "--room", wf.room(), "--until-done", "--interval", "200ms")
                .assertSuccess();
        for (String id : ids.values()) {
            assertTrue(watched.stdout().contains(id + "  succeeded"), () -> id + " in " + watched);
        }

        List<String> order = wf.lines("order.log");
        List<String> names = new ArrayList<>();
        long previous = 0;
        for (String line : order) {
            String[] parts = line.split(" ");
            long at = Long.parseLong(parts[0]);
            assertTrue(at >= previous, () -> "timestamps ascend in append order: " + order);
            previous = at;
            names.add(parts[1]);
        }
        assertEquals(ids.size(), names.size(), () -> "every task ran exactly once: " + order);
        assertEquals(ids.keySet(), new java.util.HashSet<>(names), () -> "every task ran: " + order);
        for (Map.Entry<String, List<String>> edge : needs.entrySet()) {
            for (String dependency : edge.getValue()) {
                assertTrue(names.indexOf(dependency) < names.indexOf(edge.getKey()),
                        () -> edge.getKey() + " ran after " + dependency + ": " + order);
            }
        }

        Path svg = wf.shared.resolve("run.svg");
        CliResult rendered = wf.alice().cli("task", "graph", "--room", wf.room(), "--format", "svg", "--output",
                svg.toString()).assertSuccess();
        assertTrue(rendered.stderr().contains("wrote the svg graph to " + svg), rendered::toString);
        String picture = Files.readString(svg, StandardCharsets.UTF_8);
        Document document = parse(svg);
        assertEquals("svg", document.getDocumentElement().getLocalName() == null
                ? document.getDocumentElement().getTagName() : document.getDocumentElement().getLocalName(),
                picture);
        for (String title : ids.keySet()) {
            assertTrue(picture.contains(title), () -> "the picture names " + title + ":\n" + picture);
        }
        String dot = wf.alice().cli("task", "graph", "--room", wf.room(), "--format", "dot").assertSuccess().stdout();
        assertTrue(dot.startsWith("digraph"), dot);
        for (Map.Entry<String, String> task : ids.entrySet()) {
            assertTrue(dot.contains(task.getKey()) && dot.contains(task.getValue()), () -> task + " in\n" + dot);
        }
        String text = wf.bob().cli("task", "graph", "--room", wf.room()).assertSuccess().stdout();
        assertTrue(text.contains("succeeded"), text);

        // A command bob's policy does not allow: the task fails with the documented reason, nothing ran.
        String denied = wf.task("remove", bob, List.of(ids.get("publish")), "rm", "-rf", "order.log");
        JsonNode refused = wf.awaitFinal(denied, Duration.ofSeconds(60));
        assertEquals("failed", refused.path("state").asText(), refused::toString);
        assertEquals("policy_denied", refused.path("result").path("reason").asText(), refused::toString);
        assertEquals(order, wf.lines("order.log"), "the denied command did not run");
        CliResult listed = wf.alice().cli("task", "list", "--room", wf.room(), "--state", "failed").assertSuccess();
        assertTrue(listed.stdout().contains(denied) && listed.stdout().contains("policy_denied"), listed::toString);

        // Alice cancels a task that runs on bob's runtime: bob's scheduler sees the cancelled state and stops it.
        String sleeper = wf.task("sleeper", bob, List.of(), "sh", "-c", "echo $$ > sleeper.pid; exec sleep 300");
        Eventually.within(Duration.ofSeconds(60)).until("bob's sleeper started", () -> wf.lines("sleeper.pid"),
                lines -> !lines.isEmpty());
        long pid = Long.parseLong(wf.lines("sleeper.pid").get(0).strip());
        CliResult cancelled = wf.alice().cli("task", "cancel", sleeper, "--room", wf.room()).assertSuccess();
        assertTrue(cancelled.stdout().startsWith("cancelled " + sleeper), cancelled::toString);
        Eventually.within(Duration.ofSeconds(30)).until("bob stopped the sleeper", () -> ProcessHandle.of(pid)
                .map(ProcessHandle::isAlive).orElse(false), alive -> !alive);
        assertEquals("cancelled", wf.show(wf.bob(), sleeper).path("state").asText());
    }

    private static void create(WorkflowPair wf, Map<String, String> ids, Map<String, List<String>> needs,
            String name, String agent, List<String> dependsOn) {
        ids.put(name, wf.task(name, agent, dependsOn.stream().map(ids::get).toList(), WorkflowPair.append(name)));
        needs.put(name, dependsOn);
    }

    /** Parses Graphviz's SVG as XML without fetching its external DTD. */
    private static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        try (var in = Files.newInputStream(svg)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }
}
