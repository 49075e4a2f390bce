package org.mxagent.terminal.impl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.protocol.api.event.ChunkEncoding;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.terminal.api.ExecResult;
import org.mxagent.terminal.api.ExecSpec;
import org.mxagent.terminal.api.RunningExec;
import org.mxagent.terminal.api.SpooledLog;
import org.mxagent.terminal.api.TerminalSize;
import org.mxagent.terminal.api.Termination;
import org.mxagent.terminal.api.stream.StreamSettings;

/** Real PTY runs through pty4j: size and resize as the child sees them, Ctrl-C, raw bytes, base64 chunks. */
@Timeout(60)
class PtyExecTest {
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

    private RunningExec start(String id, List<String> argv, TerminalSize size, CollectingSink sink) throws Exception {
        harness = new ExecHarness(dir.resolve("spool"));
        return harness.service.start(new ExecSpec(id, argv, Path.of("/tmp"), Map.of(), true, Optional.of(size)),
                TestAllowances.none(), sink);
    }

    private static ExecResult result(RunningExec run) throws Exception {
        return run.onFinished().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aPtyStaysLivePastTheTimelineBudget() throws Exception {
        harness = new ExecHarness(dir.resolve("spool"), Duration.ofSeconds(5),
                new StreamSettings(1024, Duration.ofMillis(50), Duration.ofMillis(250), 4096),
                Map.of("PATH", ExecHarness.PATH));
        CollectingSink sink = new CollectingSink("inv_ptybig");
        RunningExec run = harness.service.start(new ExecSpec("inv_ptybig", List.of("sh", "-c",
                "seq 1 5000; read line; echo after-$line"), Path.of("/tmp"), Map.of(), true,
                Optional.of(TerminalSize.of(24, 80))), TestAllowances.none(), sink);
        sink.await(StreamName.PTY, "5000", WAIT);
        run.writeStdin("typed\n".getBytes(UTF_8));
        sink.await(StreamName.PTY, "after-typed", WAIT);
        ExecResult result = result(run);
        assertEquals(0, result.exitCode());
        long live = sink.text(StreamName.PTY).getBytes(UTF_8).length;
        assertTrue(live > 4096, "well past the 4 KiB budget: " + live);
        assertEquals(result.stdoutBytes(), live, "every byte went out live");
        for (SpooledLog artifact : result.artifacts()) {
            artifact.delete();
        }
    }

    @Test
    void theChildSeesTheInitialSizeAndThenTheResizedOne() throws Exception {
        CollectingSink sink = new CollectingSink("inv_size");
        RunningExec run = start("inv_size", List.of("sh", "-c", "stty size; read line; stty size; echo $TERM"),
                TerminalSize.of(33, 101), sink);
        sink.await(StreamName.PTY, "33 101", WAIT);
        run.resize(TerminalSize.of(50, 120));
        run.writeStdin("\n".getBytes(UTF_8));
        ExecResult result = result(run);
        assertEquals(0, result.exitCode());
        String output = sink.text(StreamName.PTY);
        assertTrue(output.contains("50 120"), output);
        assertTrue(output.contains(ExecService.DEFAULT_TERM), "TERM defaults for a daemon without one: " + output);
        assertEquals(0, result.stderrBytes());
        assertEquals(output.getBytes(UTF_8).length, result.stdoutBytes());
        assertTrue(sink.chunks().stream().allMatch(c -> c.encoding() == ChunkEncoding.BASE64), "PTY is always base64");
    }

    @Test
    void ctrlCInterruptsCat() throws Exception {
        CollectingSink sink = new CollectingSink("inv_intr");
        RunningExec run = start("inv_intr", List.of("cat"), TerminalSize.DEFAULT, sink);
        run.writeStdin("ping\n".getBytes(UTF_8));
        // The terminal echoes the line, then cat writes it back: both with CR LF.
        sink.await(StreamName.PTY, "ping\r\nping\r\n", WAIT);
        run.writeStdin(new byte[] {0x03});
        ExecResult result = result(run);
        assertEquals(Termination.EXITED, result.termination());
        assertEquals("SIGINT", result.signal());
        assertNull(result.exitCode());
        assertEquals(130, result.cliExitCode());
    }

    @Test
    void batchRunsCannotBeResized() throws Exception {
        harness = new ExecHarness(dir.resolve("spool"));
        RunningExec run = harness.service.start(ExecSpec.batch("inv_batch", List.of("true"), Path.of("/tmp")),
                TestAllowances.none(), new CollectingSink("inv_batch"));
        assertThrows(IllegalStateException.class, () -> run.resize(TerminalSize.DEFAULT));
        assertEquals(0, result(run).exitCode());
    }

    @Test
    void cancelStopsAPtyShellAndItsChildren() throws Exception {
        CollectingSink sink = new CollectingSink("inv_ptycancel");
        RunningExec run = start("inv_ptycancel", List.of("sh", "-c", "sleep 100 & echo started; wait"),
                TerminalSize.DEFAULT, sink);
        sink.await(StreamName.PTY, "started", WAIT);
        assertTrue(run.cancel("caller_cancelled"));
        ExecResult result = result(run);
        assertEquals(Termination.CANCELLED, result.termination());
        assertEquals("SIGTERM", result.signal());
    }
}
