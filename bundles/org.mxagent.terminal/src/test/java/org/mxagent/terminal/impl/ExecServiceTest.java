package org.mxagent.terminal.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.protocol.api.event.ChunkEncoding;
import org.mxagent.protocol.api.event.RejectReason;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.ExecException;
import org.mxagent.terminal.api.ExecResult;
import org.mxagent.terminal.api.ExecSpec;
import org.mxagent.terminal.api.RunningExec;
import org.mxagent.terminal.api.SpooledLog;
import org.mxagent.terminal.api.Termination;
import org.mxagent.terminal.api.stream.StreamSettings;

/** Real processes through the none sandbox: exit codes, stdin, cancel, timeout, caps, artifacts, environment. */
@Timeout(60)
class ExecServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path dir;
    private ExecHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private ExecHarness harness() {
        harness = new ExecHarness(dir.resolve("spool"));
        return harness;
    }

    private static ExecSpec sh(String id, String script, boolean stdin) {
        return new ExecSpec(id, List.of("sh", "-c", script), Path.of("/tmp"), Map.of(), stdin, Optional.empty());
    }

    private static ExecResult result(RunningExec run) throws Exception {
        return run.onFinished().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void exitCodePassesThroughAndStreamsStaySeparate() throws Exception {
        CollectingSink sink = new CollectingSink("inv_exit");
        RunningExec run = harness().service.start(sh("inv_exit", "echo out; echo err >&2; exit 7", false),
                TestAllowances.none(), sink);
        ExecResult result = result(run);
        assertEquals(7, result.exitCode());
        assertNull(result.signal());
        assertEquals(Termination.EXITED, result.termination());
        assertEquals("out\n", sink.text(StreamName.STDOUT));
        assertEquals("err\n", sink.text(StreamName.STDERR));
        assertEquals(4, result.stdoutBytes());
        assertEquals(4, result.stderrBytes());
        assertTrue(sink.ended(StreamName.STDOUT) && sink.ended(StreamName.STDERR), "both EOF markers before the result");
        assertTrue(sink.intact());
        assertFalse(result.truncated());
        assertTrue(result.warnings().get(0).contains("WITHOUT isolation"));
        assertEquals(0, harness.service.running());
        assertEquals(7, result.toExecFinished(null).exitCode());
    }

    @Test
    void stdinRoundTripsThroughCat() throws Exception {
        CollectingSink sink = new CollectingSink("inv_cat");
        RunningExec run = harness().service.start(new ExecSpec("inv_cat", List.of("cat"), Path.of("/tmp"), Map.of(),
                true, Optional.empty()), TestAllowances.none(), sink);
        run.writeStdin("hello\n".getBytes(UTF_8));
        sink.await(StreamName.STDOUT, "hello\n", WAIT);
        run.writeStdin("wörld\n".getBytes(UTF_8));
        run.closeStdin();
        ExecResult result = result(run);
        assertEquals(0, result.exitCode());
        assertEquals("hello\nwörld\n", sink.text(StreamName.STDOUT));
        assertThrows(IllegalStateException.class, () -> run.writeStdin(new byte[] {1}));
    }

    @Test
    void withoutStdinTheChildSeesEofAndInputIsRefused() throws Exception {
        CollectingSink sink = new CollectingSink("inv_nostdin");
        RunningExec run = harness().service.start(sh("inv_nostdin", "cat; echo done", false), TestAllowances.none(),
                sink);
        assertEquals(0, result(run).exitCode());
        assertEquals("done\n", sink.text(StreamName.STDOUT));
        assertThrows(IllegalStateException.class, () -> run.writeStdin(new byte[] {1}));
    }

    @Test
    void cancelStopsTheWholeProcessTree() throws Exception {
        CollectingSink sink = new CollectingSink("inv_tree");
        RunningExec run = harness().service.start(sh("inv_tree", "sleep 100 & echo started; sleep 100; wait", false),
                TestAllowances.none(), sink);
        sink.await(StreamName.STDOUT, "started", WAIT);
        List<ProcessHandle> tree = awaitDescendants(run.pid(), 2);
        assertTrue(run.cancel("caller_cancelled"));
        assertFalse(run.cancel("again"), "a second cancel does nothing");
        ExecResult result = result(run);
        assertEquals(Termination.CANCELLED, result.termination());
        assertEquals(Optional.of("caller_cancelled"), result.cancelReason());
        assertEquals("SIGTERM", result.signal());
        assertEquals(Optional.of("SIGTERM"), result.signalSent());
        assertTrue(result.killedProcessGroup());
        assertTrue(result.durationMs() < 5_000, "stopped by SIGTERM, not after the grace period");
        for (ProcessHandle process : tree) {
            process.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertFalse(process.isAlive(), "still running: " + process.pid());
        }
        assertEquals("SIGTERM", result.toExecCancelled().orElseThrow().signalSent());
        assertEquals(143, result.cliExitCode());
    }

    @Test
    void timeoutEscalatesToSigkillWhenSigtermIsIgnored() throws Exception {
        harness = new ExecHarness(dir.resolve("spool"), Duration.ofMillis(300), StreamSettings.DEFAULTS,
                Map.of("PATH", ExecHarness.PATH));
        CollectingSink sink = new CollectingSink("inv_stubborn");
        RunningExec run = harness.service.start(
                sh("inv_stubborn", "trap '' TERM; echo ready; while :; do sleep 1; done", false),
                TestAllowances.of(SandboxKind.NONE, 1_000, OptionalLong.empty(), List.of(), List.of()), sink);
        sink.await(StreamName.STDOUT, "ready", WAIT);
        List<ProcessHandle> tree = awaitDescendants(run.pid(), 1);
        ExecResult result = result(run);
        assertEquals(Termination.TIMED_OUT, result.termination());
        assertEquals("SIGKILL", result.signal());
        assertNull(result.exitCode());
        assertEquals(Optional.of("SIGTERM"), result.signalSent());
        assertTrue(result.durationMs() >= 1_300, "timeout plus grace: " + result.durationMs());
        assertEquals(137, result.cliExitCode());
        for (ProcessHandle process : tree) {
            process.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertTrue(result.toExecCancelled().isEmpty(), "a timeout is no cancel");
    }

    @Test
    void outputCapDropsTheRestWhileTheChildRunsToItsEnd() throws Exception {
        CollectingSink sink = new CollectingSink("inv_cap");
        RunningExec run = harness().service.start(
                sh("inv_cap", "head -c 100000 /dev/zero | tr '\\000' a; echo finished >&2; exit 3", false),
                TestAllowances.of(SandboxKind.NONE, 60_000, OptionalLong.of(1_000), List.of(), List.of()), sink);
        ExecResult result = result(run);
        assertEquals(3, result.exitCode(), "the child was not stopped by the cap");
        assertTrue(result.truncated());
        assertEquals(1_000, result.stdoutBytes() + result.stderrBytes());
        assertEquals(100_009 - 1_000, result.droppedBytes());
        assertEquals("a".repeat((int) result.stdoutBytes()), sink.text(StreamName.STDOUT));
        assertTrue(sink.ended(StreamName.STDOUT) && sink.ended(StreamName.STDERR));
        assertTrue(result.toExecFinished(null).truncated());
    }

    @Test
    void withoutStreamTheChunksCarryOnlyEofAndTheWholeOutputIsTheArtifact() throws Exception {
        CollectingSink sink = new CollectingSink("inv_nostream");
        RunningExec run = harness().service.start(new ExecSpec("inv_nostream", List.of("sh", "-c",
                "echo small; echo warn >&2"), Path.of("/tmp"), Map.of(), false, Optional.empty(), false),
                TestAllowances.none(), sink);
        ExecResult result = result(run);
        assertEquals(0, result.exitCode());
        assertEquals("", sink.text(StreamName.STDOUT), "no output on the timeline");
        assertEquals("", sink.text(StreamName.STDERR));
        assertTrue(sink.ended(StreamName.STDOUT) && sink.ended(StreamName.STDERR), "each stream still ends");
        assertTrue(sink.chunks().stream().allMatch(StreamChunk::eof), () -> "only EOF markers: " + sink.chunks());
        assertEquals(2, result.artifacts().size(), "even a small output goes to the artifact");
        for (SpooledLog artifact : result.artifacts()) {
            try (InputStream in = new ZstdInputStream(Files.newInputStream(artifact.file()))) {
                assertEquals(artifact.stream() == StreamName.STDOUT ? "small\n" : "warn\n",
                        new String(in.readAllBytes(), UTF_8));
            }
            artifact.delete();
        }
    }

    @Test
    void outputPastTheBudgetGoesToACompressedArtifact() throws Exception {
        harness = new ExecHarness(dir.resolve("spool"), Duration.ofSeconds(5),
                new StreamSettings(1024, Duration.ofMillis(50), Duration.ofMillis(250), 4096),
                Map.of("PATH", ExecHarness.PATH));
        CollectingSink sink = new CollectingSink("inv_big");
        RunningExec run = harness.service.start(sh("inv_big", "head -c 30000 /dev/urandom | od -An -tx1", false),
                TestAllowances.none(), sink);
        ExecResult result = result(run);
        assertEquals(0, result.exitCode());
        assertEquals(1, result.artifacts().size());
        SpooledLog artifact = result.artifacts().get(0);
        assertEquals(StreamName.STDOUT, artifact.stream());
        assertEquals(result.stdoutBytes(), artifact.rawBytes());
        String full;
        try (InputStream in = new ZstdInputStream(Files.newInputStream(artifact.file()))) {
            full = new String(in.readAllBytes(), UTF_8);
        }
        assertEquals(result.stdoutBytes(), full.length());
        String streamed = sink.text(StreamName.STDOUT);
        assertEquals(4096, streamed.length(), "the timeline got exactly the budget");
        assertTrue(full.startsWith(streamed));
        assertEquals(full.substring(full.length() - 4096), artifact.tailPreview());
        assertTrue(sink.ended(StreamName.STDOUT));
        artifact.delete();
    }

    @Test
    void theEnvironmentIsScrubbedAndPwdIsTheCwd() throws Exception {
        harness = new ExecHarness(dir.resolve("spool"), Duration.ofSeconds(5), StreamSettings.DEFAULTS,
                Map.of("PATH", ExecHarness.PATH, "GITHUB_TOKEN", "ghp_secret", "CI", "1", "EDITOR", "vi"));
        CollectingSink sink = new CollectingSink("inv_env");
        RunningExec run = harness.service.start(new ExecSpec("inv_env", List.of("env"), dir, Map.of("RUST_LOG", "debug"),
                false, Optional.empty()), TestAllowances.of(SandboxKind.NONE, 60_000, OptionalLong.empty(),
                        List.of("CI", "RUST_LOG"), List.of()), sink);
        assertEquals(0, result(run).exitCode());
        List<String> lines = sink.text(StreamName.STDOUT).lines().sorted().toList();
        assertEquals(List.of("CI=1", "PATH=" + ExecHarness.PATH, "PWD=" + dir, "RUST_LOG=debug"), lines);
    }

    @Test
    void refusedRunsSayWhy() {
        ExecService service = harness().service;
        ExecException env = assertThrows(ExecException.class, () -> service.start(new ExecSpec("inv_ld",
                List.of("true"), Path.of("/tmp"), Map.of("LD_PRELOAD", "/tmp/x.so"), false, Optional.empty()),
                TestAllowances.of(SandboxKind.NONE, 60_000, OptionalLong.empty(), List.of("LD_PRELOAD"), List.of()),
                new CollectingSink("inv_ld")));
        assertEquals(Optional.of(RejectReason.ENV_OVERRIDE_NOT_ALLOWED), env.rejectReason());

        ExecException docker = assertThrows(ExecException.class, () -> service.start(sh("inv_docker", "true", false),
                TestAllowances.of(SandboxKind.DOCKER, 60_000, OptionalLong.empty(), List.of(), List.of()),
                new CollectingSink("inv_docker")));
        assertEquals(Optional.of(RejectReason.SANDBOX_REQUIRED), docker.rejectReason());
        assertTrue(docker.getMessage().contains("docker"), docker.getMessage());

        ExecException cwd = assertThrows(ExecException.class, () -> service.start(new ExecSpec("inv_cwd",
                List.of("true"), dir.resolve("missing"), Map.of(), false, Optional.empty()), TestAllowances.none(),
                new CollectingSink("inv_cwd")));
        assertTrue(cwd.rejectReason().isEmpty());
        assertTrue(cwd.getMessage().contains("does not exist"));
        assertEquals(0, service.running());
    }

    @Test
    void aCommandThatDoesNotExistExitsWith127() throws Exception {
        CollectingSink sink = new CollectingSink("inv_nf");
        RunningExec run = harness().service.start(new ExecSpec("inv_nf", List.of("no-such-command-xyz"),
                Path.of("/tmp"), Map.of(), false, Optional.empty()), TestAllowances.none(), sink);
        assertEquals(127, result(run).exitCode());
        assertTrue(sink.text(StreamName.STDERR).contains("no-such-command-xyz"), sink.text(StreamName.STDERR));
    }

    @Test
    void chunksCarrySeqFromZeroPerStream() throws Exception {
        CollectingSink sink = new CollectingSink("inv_seq");
        RunningExec run = harness().service.start(sh("inv_seq", "echo a; echo b >&2", false), TestAllowances.none(),
                sink);
        result(run);
        for (StreamName stream : List.of(StreamName.STDOUT, StreamName.STDERR)) {
            List<StreamChunk> chunks = sink.chunks().stream().filter(c -> c.stream() == stream).toList();
            for (int i = 0; i < chunks.size(); i++) {
                assertEquals(i, chunks.get(i).seq());
                assertEquals(ChunkEncoding.UTF_8, chunks.get(i).encoding());
            }
            assertTrue(chunks.get(chunks.size() - 1).eof());
        }
    }

    @Test
    void anInvocationRunsOnceAtATime() throws Exception {
        ExecService service = harness().service;
        RunningExec run = service.start(sh("inv_once", "cat > /dev/null", true), TestAllowances.none(),
                new CollectingSink("inv_once"));
        assertEquals(1, service.running());
        ExecException twice = assertThrows(ExecException.class, () -> service.start(sh("inv_once", "true", false),
                TestAllowances.none(), new CollectingSink("inv_once")));
        assertEquals(Optional.of(RejectReason.MALFORMED_REQUEST), twice.rejectReason());
        run.closeStdin();
        assertEquals(0, result(run).exitCode());
        assertEquals(0, service.running());
        assertEquals(0, result(service.start(sh("inv_once", "true", false), TestAllowances.none(),
                new CollectingSink("inv_once"))).exitCode(), "the id is free again once the run finished");
    }

    /** Waits until the process has {@code count} descendants, polling on a scheduler (no sleeping). */
    private List<ProcessHandle> awaitDescendants(long pid, int count) throws Exception {
        ProcessHandle leader = ProcessHandle.of(pid).orElseThrow();
        CompletableFuture<List<ProcessHandle>> found = new CompletableFuture<>();
        ScheduledFuture<?> poll = harness.scheduler.scheduleAtFixedRate(() -> {
            List<ProcessHandle> tree = leader.descendants().toList();
            if (tree.size() >= count) {
                found.complete(tree);
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        try {
            return found.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            poll.cancel(false);
        }
    }
}
