package org.mxagent.terminal.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.ExecResult;
import org.mxagent.terminal.api.ExecSpec;
import org.mxagent.terminal.api.RunningExec;
import org.mxagent.terminal.api.TerminalSize;
import org.mxagent.terminal.api.Termination;

/** Runs under the real bubblewrap sandbox: graceful cancel through the supervisor, PTY inside, binds. */
@Timeout(60)
class BubblewrapExecTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    private ExecHarness harness;

    @BeforeAll
    static void needsBwrap() {
        assumeTrue(ExecHarness.bwrapInstalled(), "bubblewrap is not installed");
    }

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private Allowance bubblewrap(List<Path> writable) {
        return TestAllowances.of(SandboxKind.BUBBLEWRAP, 60_000, OptionalLong.empty(), List.of(), writable);
    }

    private static ExecResult result(RunningExec run) throws Exception {
        return run.onFinished().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void cancelReachesTheCommandInsideTheSandboxGracefully() throws Exception {
        harness = new ExecHarness(dir.resolve("spool"));
        CollectingSink sink = new CollectingSink("inv_bw_cancel");
        RunningExec run = harness.service.start(new ExecSpec("inv_bw_cancel", List.of("sh", "-c",
                "trap 'echo got-term; exit 5' TERM; sleep 100 & echo ready; wait"), dir, Map.of(), false,
                Optional.empty()), bubblewrap(List.of()), sink);
        sink.await(StreamName.STDOUT, "ready", WAIT);
        run.cancel("caller_cancelled");
        ExecResult result = result(run);
        assertEquals(Termination.CANCELLED, result.termination());
        assertEquals(5, result.exitCode(), "the trap ran: SIGTERM reached the command, not just bwrap");
        assertTrue(sink.text(StreamName.STDOUT).contains("got-term"));
        assertTrue(result.durationMs() < 5_000, "no SIGKILL needed: " + result.durationMs());
    }

    @Test
    void writesLandInWritablePathsOnly() throws Exception {
        harness = new ExecHarness(dir.resolve("spool"));
        Path work = Files.createDirectories(dir.resolve("work"));
        CollectingSink sink = new CollectingSink("inv_bw_rw");
        RunningExec run = harness.service.start(new ExecSpec("inv_bw_rw", List.of("sh", "-c",
                "echo made > made && { echo x > /etc/mx-agent-x; } 2>/dev/null || echo etc-read-only"), work, Map.of(),
                false, Optional.empty()), bubblewrap(List.of(work)), sink);
        assertEquals(0, result(run).exitCode());
        assertEquals("etc-read-only\n", sink.text(StreamName.STDOUT));
        assertEquals("made\n", Files.readString(work.resolve("made"), UTF_8));
    }

    @Test
    void aPtyWorksInsideTheSandbox() throws Exception {
        harness = new ExecHarness(dir.resolve("spool"));
        CollectingSink sink = new CollectingSink("inv_bw_pty");
        RunningExec run = harness.service.start(new ExecSpec("inv_bw_pty", List.of("sh", "-c",
                "stty size; read line; stty size"), dir, Map.of(), true, Optional.of(TerminalSize.of(40, 90))),
                bubblewrap(List.of()), sink);
        sink.await(StreamName.PTY, "40 90", WAIT);
        run.resize(TerminalSize.of(41, 91));
        run.writeStdin("\n".getBytes(UTF_8));
        assertEquals(0, result(run).exitCode());
        assertTrue(sink.text(StreamName.PTY).contains("41 91"), sink.text(StreamName.PTY));
    }

    @Test
    void timeoutKillsAStubbornCommandInsideTheSandbox() throws Exception {
        harness = new ExecHarness(dir.resolve("spool"), Duration.ofMillis(300),
                org.mxagent.terminal.api.stream.StreamSettings.DEFAULTS, Map.of("PATH", ExecHarness.PATH));
        CollectingSink sink = new CollectingSink("inv_bw_kill");
        RunningExec run = harness.service.start(new ExecSpec("inv_bw_kill", List.of("sh", "-c",
                "trap '' TERM; echo ready; while :; do sleep 1; done"), dir, Map.of(), false, Optional.empty()),
                TestAllowances.of(SandboxKind.BUBBLEWRAP, 1_000, OptionalLong.empty(), List.of(), List.of()), sink);
        ExecResult result = result(run);
        assertEquals(Termination.TIMED_OUT, result.termination());
        assertEquals("SIGKILL", result.signal());
        assertTrue(sink.text(StreamName.STDOUT).contains("ready"));
    }
}
