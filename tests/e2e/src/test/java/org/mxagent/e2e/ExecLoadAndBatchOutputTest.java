package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.AgentRuntime;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.mxagent.e2e.harness.PendingCli;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ExecRequest;

/**
 * Two things a target publishes beside the output: the agent's {@code load.running_invocations} is the number of
 * runs going on (1 while alice's command runs on bob, 0 after), and a request with {@code stream=false} gets its
 * output only through the artifact (the chunks carry nothing but each stream's EOF marker).
 */
class ExecLoadAndBatchOutputTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void runningInvocationsCountsTheRunsGoingOn() {
        ExecPair pair = ExecPair.create(e2e);
        // agent.v1 (which carries the load) is rewritten every 300 s by default; every second here.
        refreshEvery(pair.bob(), pair.ws.bobAgent(), 1000);
        PendingCli running = pair.execAsync("--", "sh", "-c", "echo started; sleep 60");
        Eventually.await("the command runs on bob", running::stdoutSoFar, out -> out.contains("started"));
        Eventually.within(Duration.ofSeconds(30)).until("bob's agent.v1 says 1 invocation running",
                () -> runningInvocations(pair), n -> n == 1);
        pair.alice().cli("invocation", "cancel", pair.liveInvocation()).assertSuccess();
        assertEquals(143, running.await(Duration.ofSeconds(30)).exit());
        Eventually.within(Duration.ofSeconds(30)).until("bob's agent.v1 says 0 invocations running",
                () -> runningInvocations(pair), n -> n == 0);
    }

    @Test
    void streamFalseSendsTheOutputOnlyAsAnArtifact() throws IOException {
        ExecPair pair = ExecPair.create(e2e);
        String invocation = Ids.newInvocationId();
        Instant now = Instant.now();
        // The CLI always streams; the request field comes from other requesters (e.g. task actions), so alice's
        // account sends one itself, signed with alice's runtime key.
        ExecRequest request = new ExecRequest(invocation, Ids.newRequestId(), pair.ws.bobAgent(),
                pair.ws.aliceAgent(), List.of("sh", "-c", "echo batch-out; echo batch-err >&2"),
                pair.work().toString(), Map.of(), false, false, false, 60_000, null, Timestamps.seconds(now),
                Timestamps.seconds(now.plusSeconds(300)), UUID.randomUUID().toString(),
                ExecRequest.idempotencyKeyFor(invocation), Optional.empty(), Map.of());
        Forger.send(pair.homeserver(), pair.ws.aliceUser(), pair.room(), EventTypes.EXEC_REQUEST,
                Forger.signed(request, Forger.keyOf(pair.alice())));

        JsonNode finished = Eventually.within(Duration.ofSeconds(60)).until("bob's exec.finished",
                () -> eventsOf(pair, invocation, EventTypes.EXEC_FINISHED), list -> !list.isEmpty()).get(0);
        assertEquals(0, finished.path("exit_code").asInt(-1), finished::toString);
        assertTrue(finished.path("artifact_mxc").asText("").startsWith("mxc://"), finished::toString);
        List<JsonNode> chunks = eventsOf(pair, invocation, EventTypes.STREAM_CHUNK);
        assertEquals(2, chunks.size(), () -> "one EOF marker per stream, nothing else: " + chunks);
        for (JsonNode chunk : chunks) {
            assertTrue(chunk.path("eof").asBoolean(), chunk::toString);
            assertEquals("", chunk.path("data").asText(), chunk::toString);
        }
        assertEquals(2, eventsOf(pair, invocation, EventTypes.STREAM_ARTIFACT).size(), "stdout's and stderr's");

        Path stdout = pair.alice().root().resolve("batch-stdout.log");
        JsonNode artifact = pair.alice().jsonCli("invocation", "artifact", invocation, "--stream", "stdout",
                "--room", pair.room(), "--output", stdout.toString());
        assertTrue(artifact.path("sha256_verified").asBoolean(), artifact::toString);
        assertEquals("batch-out\n", Files.readString(stdout, StandardCharsets.UTF_8));
        CliResult stderr = pair.alice().cli("invocation", "artifact", invocation, "--stream", "stderr", "--room",
                pair.room());
        assertEquals("batch-err\n", stderr.assertSuccess().stdout(), stderr::toString);
    }

    private static long runningInvocations(ExecPair pair) {
        JsonNode agent = pair.alice().jsonCli("agent", "show", pair.ws.bobAgent());
        JsonNode load = agent.path("load");
        assertFalse(load.isMissingNode(), agent::toString);
        return load.path("running_invocations").asLong(-1);
    }

    /** Contents of bob's events of {@code type} for {@code invocation}, oldest first, from the room's timeline. */
    private static List<JsonNode> eventsOf(ExecPair pair, String invocation, String type) {
        JsonNode page = pair.homeserver().call("GET", "/_matrix/client/v3/rooms/" + Forger.segment(pair.room())
                + "/messages?dir=b&limit=200", pair.ws.aliceUser().accessToken(), null);
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode event : page.path("chunk")) {
            if (type.equals(event.path("type").asText())
                    && pair.ws.bobUser().userId().equals(event.path("sender").asText())
                    && invocation.equals(event.path("content").path("invocation_id").asText())) {
                found.add(0, event.path("content"));
            }
        }
        return found;
    }

    /** Sets a hosted agent's {@code refresh.interval.ms} through ConfigurationAdmin (no CLI option for it). */
    private static void refreshEvery(AgentRuntime runtime, String agentId, long millis) {
        CliResult updated = runtime.shell("cm = $.context service ($.context serviceReference "
                + "org.osgi.service.cm.ConfigurationAdmin); c = $cm getConfiguration "
                + "\"org.mxagent.discovery.agent~" + agentId + "\" \"?\"; p = $c properties; "
                + "$p put refresh.interval.ms " + millis + "; $c update $p; ($c properties) get agent.id")
                .assertSuccess();
        assertEquals(agentId, updated.out(), () -> "updated the existing configuration: " + updated);
    }
}
