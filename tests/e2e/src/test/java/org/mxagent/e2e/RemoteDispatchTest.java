package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;

/**
 * Issue 6, remote dispatch, through the real CLI on two runtimes: a task assigned to alice's agent whose action
 * says {@code run_on} bob's agent is claimed by alice's scheduler and runs on bob's runtime through the signed
 * exec path (bob's policy allows alice only in bob's work directory). The task records the invocation id that
 * bob's {@code invocation.v1} shows; exit code and stdout tail land in {@code task.result}; a command bob's policy
 * refuses fails as {@code policy_denied}; alice's {@code task cancel} stops the process on bob's side; once bob
 * revokes alice's key, a remote task fails as {@code untrusted_key}.
 */
class RemoteDispatchTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aTaskOfAlicesAgentRunsOnBobsRuntimeThroughSignedExec() throws Exception {
        ExecPair pair = ExecPair.create(e2e);
        String alice = pair.ws.aliceAgent();
        String bob = pair.ws.bobAgent();
        Path work = pair.work();

        String build = create(pair, "remote build", "sh", "-c",
                "echo \"ran in $(pwd)\" > remote.txt; echo built-on-bob; exit 3");
        JsonNode done = awaitFinal(pair, build);
        assertEquals("failed", done.path("state").asText(), done::toString);
        JsonNode result = done.path("result");
        assertEquals("process_exit", result.path("reason").asText(), done::toString);
        assertEquals(3, result.path("exit_code").asInt(-1), done::toString);
        assertTrue(result.path("summary").asText().contains("built-on-bob"), done::toString);
        assertEquals(alice, result.path("completed_by").asText(), "alice's scheduler claimed and recorded it");
        assertEquals(List.of("ran in " + work), Files.readAllLines(work.resolve("remote.txt"),
                StandardCharsets.UTF_8), "the command ran in bob's work directory");

        String invocation = done.path("invocation_id").asText();
        assertFalse(invocation.isEmpty(), done::toString);
        JsonNode onBob = pair.bob().jsonCli("invocation", "show", invocation, "--room", pair.room());
        assertEquals(bob, onBob.path("target").asText(), onBob::toString);
        assertEquals(alice, onBob.path("requester").asText(), onBob::toString);
        assertEquals(3, onBob.path("exit_code").asInt(-1), onBob::toString);
        assertEquals(pair.ws.bobUser().userId(), onBob.path("published_by").asText(),
                "bob's runtime published the invocation it ran: " + onBob);

        CliResult shown = pair.alice().cli("task", "show", build, "--room", pair.room()).assertSuccess();
        assertTrue(shown.stdout().contains("on " + bob), shown::toString);

        // bob's policy has no rm: bob's receive pipeline rejects the signed request, the task says why.
        String denied = create(pair, "remote rm", "rm", "-rf", "remote.txt");
        JsonNode refused = awaitFinal(pair, denied);
        assertEquals("failed", refused.path("state").asText(), refused::toString);
        assertEquals("policy_denied", refused.path("result").path("reason").asText(), refused::toString);
        assertTrue(Files.exists(work.resolve("remote.txt")), "the denied command did not run");

        // alice cancels a long remote task: a signed exec.cancel stops bob's process.
        String sleeper = create(pair, "remote sleeper", "sh", "-c", "echo $$ > sleeper.pid; exec sleep 300");
        Path pidFile = work.resolve("sleeper.pid");
        Eventually.within(Duration.ofSeconds(60)).until("bob's sleeper started",
                () -> Files.exists(pidFile) ? Files.readString(pidFile).strip() : "", pid -> !pid.isEmpty());
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "sleeper runs");
        pair.alice().cli("task", "cancel", sleeper, "--room", pair.room()).assertSuccess();
        Eventually.within(Duration.ofSeconds(30)).until("bob's sleeper stopped",
                () -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), alive -> !alive);
        assertEquals("cancelled", pair.alice().jsonCli("task", "show", sleeper, "--room", pair.room())
                .path("state").asText());
        String sleeperInvocation = pair.alice().jsonCli("task", "show", sleeper, "--room", pair.room())
                .path("invocation_id").asText();
        JsonNode stopped = Eventually.within(Duration.ofSeconds(30)).until("bob records the cancelled invocation",
                () -> pair.bob().jsonCli("invocation", "show", sleeperInvocation, "--room", pair.room()),
                record -> "cancelled".equals(record.path("state").asText()));
        assertEquals(bob, stopped.path("target").asText(), stopped::toString);

        // bob no longer trusts alice's key: his pipeline rejects the signed request as untrusted_key.
        pair.bob().cli("trust", "revoke", "--key", pair.aliceKey).assertSuccess();
        String untrusted = create(pair, "remote after revoke", "sh", "-c", "echo ran > revoked.txt");
        JsonNode rejected = awaitFinal(pair, untrusted);
        assertEquals("failed", rejected.path("state").asText(), rejected::toString);
        assertEquals("untrusted_key", rejected.path("result").path("reason").asText(), rejected::toString);
        assertFalse(Files.exists(work.resolve("revoked.txt")), "nothing ran");
    }

    /** {@code task create --assign alice --run-on bob --cwd WORK}; returns the task id. */
    private static String create(ExecPair pair, String title, String... argv) {
        List<String> args = new ArrayList<>(List.of("task", "create", "--room", pair.room(), "--assign",
                pair.ws.aliceAgent(), "--run-on", pair.ws.bobAgent(), "--cwd", pair.work().toString(), title, "--"));
        args.addAll(Arrays.asList(argv));
        JsonNode created = pair.alice().jsonCli(args.toArray(String[]::new));
        assertEquals("pending", created.path("state").asText(), created::toString);
        assertEquals(pair.ws.bobAgent(), created.path("action").path("run_on").asText(), created::toString);
        return created.path("task_id").asText();
    }

    private static JsonNode awaitFinal(ExecPair pair, String taskId) {
        return Eventually.within(Duration.ofSeconds(90)).every(Duration.ofMillis(500)).until("task " + taskId
                + " ends", () -> pair.alice().jsonCli("task", "show", taskId, "--room", pair.room()),
                task -> List.of("succeeded", "failed", "cancelled").contains(task.path("state").asText()));
    }
}
