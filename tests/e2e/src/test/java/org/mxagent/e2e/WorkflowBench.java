package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.AgentRuntime;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;

/**
 * bench/workflow: not a test (its name matches no surefire include; run it with {@code bench/workflow/run}).
 * Two runtimes (alice, bob) host 1, 5 and 20 agents between them; for each count a 200-task layered DAG of short
 * commands (20 layers of 10, each task needing two of the previous layer, assigned round robin) is created behind
 * a manual gate task, the gate is released, and the run is measured from the room's own timeline
 * (origin_server_ts of the task.v1 and claim events): tasks per minute, dependency succeeded → dependent
 * executing (p50/p99), claims that lost, and double executions (a task with two executing writes, or whose
 * command appended twice to the run log), which must be 0.
 */
class WorkflowBench {
    private static final Pattern CREATED = Pattern.compile("created (task_[0-9A-Z]+)");
    private static final int LAYERS = Integer.getInteger("bench.layers", 20);
    private static final int WIDTH = Integer.getInteger("bench.width", 10);

    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void tasksPerMinuteLatencyAndClaims() throws IOException {
        WorkflowPair wf = WorkflowPair.create(e2e);
        Path script = wf.shared.resolve("run.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$(date +%s%N) $1\" >> " + wf.shared.resolve("runs.log")
                + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        wf.policy(wf.alice(), List.of(script.toString()), "");
        wf.policy(wf.bob(), List.of(script.toString()), "");

        List<String> counts = List.of(System.getProperty("bench.agents", "1,5,20").split(","));
        int most = counts.stream().mapToInt(c -> Integer.parseInt(c.strip())).max().orElse(1);
        List<String> agents = agents(wf, most);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%n workflow bench: %d tasks (%d layers x %d, 2 dependencies each), commands %s%n",
                LAYERS * WIDTH, LAYERS, WIDTH, script));
        for (String count : counts) {
            int n = Integer.parseInt(count.strip());
            report.append(run(wf, script, agents.subList(0, n), "r" + n)).append('\n');
            System.out.println(report);
        }
        System.out.println(report);
    }

    /** {@code count} agents, alternating between alice's and bob's runtime, the first being alice's own. */
    private static List<String> agents(WorkflowPair wf, int count) {
        List<String> agents = new ArrayList<>(List.of(wf.aliceAgent(), wf.bobAgent()));
        for (int i = agents.size(); i < count; i++) {
            AgentRuntime host = i % 2 == 0 ? wf.alice() : wf.bob();
            agents.add(host.jsonCli("agent", "register", "--room", wf.room(), "--capability", "shell",
                    "--max-invocations", "4").path("agent_id").asText());
        }
        for (String agent : agents.subList(2, agents.size())) {
            Eventually.within(Duration.ofSeconds(60)).until("both runtimes see " + agent,
                    () -> wf.alice().jsonCli("agent", "list", "--room", wf.room()).toString()
                            + wf.bob().jsonCli("agent", "list", "--room", wf.room()),
                    both -> both.split(agent, -1).length == 3);
        }
        return agents.subList(0, Math.min(count, agents.size()));
    }

    private static String run(WorkflowPair wf, Path script, List<String> agents, String prefix) {
        String gate = created(wf.alice().cliWithInput("task:create --room " + wf.room() + " " + prefix + "-gate\n",
                "shell").assertSuccess()).get(0);
        Random random = new Random(42);
        Map<String, List<String>> needs = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<String> previous = List.of(gate);
        int index = 0;
        for (int layer = 0; layer < LAYERS; layer++) {
            StringBuilder lines = new StringBuilder();
            List<List<String>> layerNeeds = new ArrayList<>();
            List<String> layerNames = new ArrayList<>();
            for (int j = 0; j < WIDTH; j++, index++) {
                List<String> deps = new ArrayList<>(previous);
                Collections.shuffle(deps, random);
                deps = List.copyOf(deps.subList(0, Math.min(2, deps.size())));
                String name = prefix + "-" + index;
                lines.append("task:create --room ").append(wf.room()).append(" --depends-on ")
                        .append(String.join(",", deps)).append(" --assign ").append(agents.get(index % agents.size()))
                        .append(" --exec '").append(script).append(' ').append(name).append("' --cwd ")
                        .append(wf.shared).append(' ').append(name).append('\n');
                layerNeeds.add(deps);
                layerNames.add(name);
            }
            List<String> ids = created(wf.alice().cliWithInput(lines.toString(), "shell").assertSuccess());
            assertEquals(WIDTH, ids.size(), "one task per line");
            for (int j = 0; j < WIDTH; j++) {
                needs.put(ids.get(j), layerNeeds.get(j));
                names.put(ids.get(j), layerNames.get(j));
            }
            previous = ids;
        }
        wf.alice().cli("task", "update", gate, "--room", wf.room(), "--state", "executing").assertSuccess();
        wf.alice().cli("task", "update", gate, "--room", wf.room(), "--state", "succeeded").assertSuccess();
        Eventually.within(Duration.ofMinutes(20)).every(Duration.ofSeconds(2)).until(prefix + ": all tasks final",
                () -> wf.tasks().stream().filter(t -> names.containsKey(t.path("task_id").asText()))
                        .filter(t -> List.of("succeeded", "failed", "cancelled").contains(t.path("state").asText()))
                        .count(), done -> done == names.size());
        long failed = wf.tasks().stream().filter(t -> names.containsKey(t.path("task_id").asText()))
                .filter(t -> !"succeeded".equals(t.path("state").asText())).count();
        return measure(wf, gate, needs, names, agents.size(), failed);
    }

    private static String measure(WorkflowPair wf, String gate, Map<String, List<String>> needs,
            Map<String, String> names, int agentCount, long failed) {
        Map<String, Long> executing = new HashMap<>();
        Map<String, Long> succeeded = new HashMap<>();
        Map<String, Integer> executingWrites = new HashMap<>();
        Map<String, Integer> claims = new HashMap<>();
        for (JsonNode event : timeline(wf)) {
            String type = event.path("type").asText();
            long ts = event.path("origin_server_ts").asLong();
            if ("com.mxagent.task.v1".equals(type)) {
                String task = event.path("state_key").asText();
                String state = event.path("content").path("state").asText();
                if ("executing".equals(state)) {
                    executing.merge(task, ts, Math::min);
                    executingWrites.merge(task, 1, Integer::sum);
                } else if ("succeeded".equals(state)) {
                    succeeded.merge(task, ts, Math::min);
                }
            } else if ("com.mxagent.task.claim.v1".equals(type)) {
                claims.merge(event.path("content").path("task_id").asText() + "@"
                        + event.path("content").path("state_rev").asLong(), 1, Integer::sum);
            }
        }
        List<Long> latencies = new ArrayList<>();
        for (Map.Entry<String, List<String>> task : needs.entrySet()) {
            Long started = executing.get(task.getKey());
            long ready = task.getValue().stream().mapToLong(d -> succeeded.getOrDefault(d, Long.MAX_VALUE)).max()
                    .orElseThrow();
            if (started != null && ready != Long.MAX_VALUE) {
                latencies.add(started - ready);
            }
        }
        Collections.sort(latencies);
        long start = succeeded.getOrDefault(gate, 0L);
        long end = names.keySet().stream().mapToLong(t -> succeeded.getOrDefault(t, 0L)).max().orElse(0);
        int conflicts = claims.entrySet().stream().filter(e -> names.containsKey(e.getKey().split("@")[0]))
                .mapToInt(e -> e.getValue() - 1).sum();
        int doubleWrites = executingWrites.entrySet().stream().filter(e -> names.containsKey(e.getKey()))
                .mapToInt(e -> e.getValue() - 1).sum();
        Map<String, Integer> runs = new HashMap<>();
        for (String line : wf.lines("runs.log")) {
            runs.merge(line.substring(line.indexOf(' ') + 1), 1, Integer::sum);
        }
        int doubleRuns = names.values().stream().mapToInt(n -> Math.max(0, runs.getOrDefault(n, 0) - 1)).sum();
        int ran = (int) names.values().stream().filter(runs::containsKey).count();
        assertEquals(0, doubleWrites + doubleRuns, "no task executed twice");
        assertTrue(end > start, "the run ended after the gate");
        double minutes = (end - start) / 60_000.0;
        return String.format(Locale.ROOT, " %2d agents: %6.1f tasks/min (%d tasks in %.1f s, %d failed, %d ran)"
                + "  dep-succeeded -> dependent-executing p50 %5d ms  p99 %5d ms  max %5d ms"
                + "  claim conflicts %d  double executions %d", agentCount, names.size() / minutes, names.size(),
                (end - start) / 1000.0, failed, ran, percentile(latencies, 50), percentile(latencies, 99),
                latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1), conflicts, doubleWrites + doubleRuns);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }

    /** Every event of the room, oldest last, read backwards with alice's token. */
    private static List<JsonNode> timeline(WorkflowPair wf) {
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

    private static List<String> created(CliResult shell) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = CREATED.matcher(shell.stdout());
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        assertTrue(!ids.isEmpty(), shell::toString);
        return ids;
    }
}
