package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.AgentRuntime;
import org.mxagent.e2e.harness.E2e;

/**
 * Racing claimers: bob's agent is hosted by two runtimes (bob's, and "bob2" logged in as the same Matrix user on a
 * second device with the same agent id: fail-over replicas). Both schedulers see every task for that agent and race
 * for it with claim events (specs/workflow.md). Each of ten tasks runs exactly once (one line each in the run log,
 * one {@code executing} write each in the room's timeline), whoever wins.
 */
class WorkflowRaceTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    // Two or three runtimes and dozens of Matrix round trips: on a loaded 2-core machine more than the default 120 s.
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void twoRuntimesHostingOneAgentNeverRunATaskTwice() {
        WorkflowPair wf = WorkflowPair.create(e2e);
        AgentRuntime replica = e2e.started("bob2");
        replica.login(wf.pair.ws.bobUser());
        JsonNode registered = replica.jsonCli("agent", "register", "--room", wf.room(), "--agent-id", wf.bobAgent(),
                "--capability", "shell", "--max-invocations", "4");
        assertEquals(wf.bobAgent(), registered.path("agent_id").asText(), registered::toString);
        replica.cli("trust", "approve", "--agent", wf.aliceAgent(), "--key", wf.pair.aliceKey).assertSuccess();
        wf.policy(replica, "");

        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(wf.task("race-" + i, wf.bobAgent(), List.of(), WorkflowPair.append("race-" + i)));
        }
        for (String task : tasks) {
            JsonNode done = wf.awaitFinal(task, Duration.ofSeconds(90));
            assertEquals("succeeded", done.path("state").asText(), done::toString);
        }
        Map<String, Integer> runs = new HashMap<>();
        wf.lines("order.log").forEach(line -> runs.merge(line.split(" ")[1], 1, Integer::sum));
        for (int i = 0; i < 10; i++) {
            assertEquals(1, runs.getOrDefault("race-" + i, 0), "race-" + i + " ran exactly once: " + runs);
        }
        Map<String, Integer> executing = new HashMap<>();
        Map<String, Integer> claims = new HashMap<>();
        for (JsonNode event : timeline(wf)) {
            if ("com.mxagent.task.v1".equals(event.path("type").asText())
                    && "executing".equals(event.path("content").path("state").asText())) {
                executing.merge(event.path("state_key").asText(), 1, Integer::sum);
            } else if ("com.mxagent.task.claim.v1".equals(event.path("type").asText())) {
                claims.merge(event.path("content").path("task_id").asText(), 1, Integer::sum);
            }
        }
        for (String task : tasks) {
            assertEquals(1, executing.getOrDefault(task, 0), () -> task + ": one executing write " + executing);
        }
        long contested = tasks.stream().filter(t -> claims.getOrDefault(t, 0) > 1).count();
        System.out.println("WorkflowRaceTest: " + contested + " of " + tasks.size()
                + " tasks were claimed by both replicas; double executions 0");
    }

    static List<JsonNode> timeline(WorkflowPair wf) {
        List<JsonNode> events = new ArrayList<>();
        String room = URLEncoder.encode(wf.room(), StandardCharsets.UTF_8);
        String from = null;
        while (true) {
            JsonNode page = wf.pair.homeserver().call("GET", "/_matrix/client/v3/rooms/" + room
                    + "/messages?dir=b&limit=1000" + (from == null ? "" : "&from="
                            + URLEncoder.encode(from, StandardCharsets.UTF_8)),
                    wf.pair.ws.aliceUser().accessToken(), null);
            page.path("chunk").forEach(events::add);
            if (!page.hasNonNull("end") || page.path("chunk").isEmpty()) {
                return events;
            }
            from = page.path("end").asText();
        }
    }
}
