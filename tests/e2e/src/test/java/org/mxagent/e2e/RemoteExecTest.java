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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.mxagent.e2e.harness.PendingCli;

/**
 * Remote exec from alice to bob through the real CLI, two daemons and the dev Synapse: output streams live and the
 * exit code passes through; stdin is forwarded; cancel stops the whole process tree; the target's timeout stops a
 * run; a requester whose target is gone gives up with 129; policy denial and other rejections have their own
 * exit codes; a loopback exec gets the same floor.
 */
class RemoteExecTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void outputStreamsLiveAndTheExitCodePassesThrough() {
        ExecPair pair = ExecPair.create(e2e);
        CliResult result = pair.exec("--", "sh", "-c", "echo out-1; echo err-1 >&2; echo out-2; exit 7");
        assertEquals(7, result.exit(), result::toString);
        assertEquals("out-1\nout-2\n", result.stdout(), result::toString);
        assertTrue(result.stderr().contains("err-1"), result::toString);

        PendingCli slow = pair.execAsync("--", "sh", "-c", "echo first; sleep 20; echo second");
        Eventually.await("the first line on alice's stdout while the command still runs", slow::stdoutSoFar,
                out -> out.contains("first"));
        assertTrue(slow.isAlive(), "the CLI is still running when the first line is there");
        assertFalse(slow.stdoutSoFar().contains("second"));
        String invocation = pair.liveInvocation();
        assertEquals("running", Eventually.await("bob publishes invocation.v1 running",
                () -> pair.publishedState(invocation).path("state").asText(), "running"::equals));
        pair.alice().cli("invocation", "cancel", invocation).assertSuccess();
        slow.await(Duration.ofSeconds(30));

        JsonNode finished = Eventually.await("bob publishes the final state of the first run",
                () -> pair.alice().jsonCli("invocation", "list", "--room", pair.room()).path("invocations"),
                list -> list.size() >= 2);
        boolean sawSeven = false;
        for (JsonNode entry : finished) {
            sawSeven |= entry.path("exit_code").asInt(-1) == 7 && "failed".equals(entry.path("state").asText())
                    && pair.ws.bobUser().userId().equals(entry.path("published_by").asText());
        }
        assertTrue(sawSeven, () -> "invocation.v1 failed/7 published by bob: " + finished);
    }

    @Test
    void stdinIsForwardedAsItComes() {
        ExecPair pair = ExecPair.create(e2e);
        CliResult cat = pair.alice().cliWithInput("line one\nline two\n", pair.execArgs("--", "cat"));
        assertEquals(0, cat.exit(), cat::toString);
        assertEquals("line one\nline two\n", cat.stdout(), cat::toString);

        PendingCli dialog = pair.alice().cliPiped(pair.execArgs("--", "sh", "-c",
                "read a; echo \"got $a\"; read b; echo \"got $b\"; cat"));
        dialog.writeStdin("first\n");
        Eventually.await("the remote answer to the first line", dialog::stdoutSoFar, out -> out.contains("got first"));
        dialog.writeStdin("second\nrest\n");
        Eventually.await("the remote answer to the second line", dialog::stdoutSoFar, out -> out.contains("rest"));
        dialog.closeStdin();
        CliResult result = dialog.await(Duration.ofSeconds(30));
        assertEquals(0, result.exit(), result::toString);
        assertEquals("got first\ngot second\nrest\n", result.stdout(), result::toString);
    }

    @Test
    void cancelStopsTheWholeProcessTree() throws IOException {
        ExecPair pair = ExecPair.create(e2e);
        Path pids = pair.work().resolve("pids");
        PendingCli running = pair.execAsync("--", "sh", "-c",
                "sleep 300 & echo $! > " + pids + "; echo $$ >> " + pids + "; echo started; wait");
        Eventually.await("the remote command started", running::stdoutSoFar, out -> out.contains("started"));
        String invocation = pair.liveInvocation();
        long[] processes = Files.readAllLines(pids, StandardCharsets.UTF_8).stream().mapToLong(Long::parseLong)
                .toArray();
        assertEquals(2, processes.length);
        for (long pid : processes) {
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "running before the cancel");
        }

        JsonNode cancelled = pair.alice().jsonCli("invocation", "cancel", invocation);
        assertEquals("requester_session", cancelled.path("via").asText(), cancelled::toString);
        CliResult result = running.await(Duration.ofSeconds(30));
        assertEquals(128 + 15, result.exit(), () -> "killed by SIGTERM: " + result);
        for (long pid : processes) {
            Eventually.await("process " + pid + " is gone", () -> ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                    .orElse(false), alive -> !alive);
        }
        assertEquals("cancelled", Eventually.await("bob publishes the cancelled state",
                () -> pair.publishedState(invocation).path("state").asText(), "cancelled"::equals));
    }

    @Test
    void theTargetTimeoutStopsARun() {
        ExecPair pair = ExecPair.create(e2e);
        CliResult result = pair.exec("--timeout", "2s", "--", "sleep", "60");
        assertEquals(128 + 15, result.exit(), () -> "SIGTERM at the 2 s timeout: " + result);
        assertTrue(result.elapsed().compareTo(Duration.ofSeconds(30)) < 0, result::toString);
    }

    @Test
    void aRequesterWithoutAnswerGivesUpWith129() {
        ExecPair pair = ExecPair.create(e2e);
        pair.bob().cli("daemon", "stop").assertSuccess();
        CliResult result = pair.alice().cli(Map.of(), Duration.ofSeconds(100),
                pair.execArgs("--timeout", "1s", "--", "true"));
        assertEquals(129, result.exit(), result::toString);
        assertTrue(result.stderr().contains("signed cancel was sent"), result::toString);
        assertTrue(result.elapsed().compareTo(Duration.ofSeconds(31)) >= 0, () -> "timeout + 30 s grace: " + result);
    }

    @Test
    void policyDenialAndOtherRejectionsHaveTheirOwnExitCodes() throws IOException {
        ExecPair pair = ExecPair.create(e2e);
        CliResult denied = pair.exec("--", "rm", "-rf", pair.work().toString());
        assertEquals(160, denied.exit(), denied::toString);
        assertTrue(denied.stderr().contains("policy_denied"), denied::toString);
        String audit = Files.readString(pair.bob().dataDir().resolve("audit.log"), StandardCharsets.UTF_8);
        assertTrue(audit.contains("\"policy_rule\":\"deny:command_not_allowed\""), audit);

        CliResult deniedArgs = pair.exec("--", "echo", "forbidden");
        assertEquals(160, deniedArgs.exit(), deniedArgs::toString);
        CliResult deniedEnv = pair.exec("--env", "NOT_ALLOWED=1", "--", "true");
        assertEquals(160, deniedEnv.exit(), deniedEnv::toString);
        assertTrue(deniedEnv.stderr().contains("env_override_not_allowed"), deniedEnv::toString);
        CliResult allowedEnv = pair.exec("--env", "GREETING=hi", "--", "sh", "-c", "echo $GREETING");
        assertEquals("hi\n", allowedEnv.stdout(), allowedEnv::toString);

        pair.bob().cli("trust", "revoke", "--key", pair.aliceKey).assertSuccess();
        CliResult untrusted = pair.exec("--", "true");
        assertEquals(161, untrusted.exit(), untrusted::toString);
        assertTrue(untrusted.stderr().contains("untrusted_key"), untrusted::toString);
    }

    @Test
    void loopbackExecRunsHereUnderTheExecutionFloor() {
        ExecPair pair = ExecPair.create(e2e);
        CliResult local = pair.alice().cli("exec", "--", "sh", "-c", "echo local; exit 3");
        assertEquals(3, local.exit(), local::toString);
        assertEquals("local\n", local.stdout(), local::toString);
        CliResult override = pair.alice().cli("exec", "--env", "SOMETHING=1", "--", "true");
        assertEquals(160, override.exit(), () -> "not in [execution] env_allowlist: " + override);
        CliResult usage = pair.alice().cli("exec", "--room", pair.room(), "--", "true");
        assertEquals(64, usage.exit(), usage::toString);
    }
}
