package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.mxagent.e2e.harness.PendingCli;
import org.mxagent.e2e.harness.PrivateHomeserver;
import org.mxagent.protocol.api.event.EventTypes;

/**
 * The homeserver restarts in the middle of a remote exec's output: alice's CLI still gets every line exactly once
 * and in order, with the remote exit code, and no integrity problem (with and without {@code --strict-stream}).
 * Runs on a private Synapse (port 8028, state under {@code target/}), never the shared dev server.
 *
 * <p>The remote command prints a numbered line every 0.2 s and writes its counter to {@code progress} in its work
 * directory, until the test creates {@code stop} there; then it prints {@code end N} and exits 0. The test stops
 * the server once alice has seen output, waits (on the progress file) until bob's command has printed more lines
 * while the server was down (and, for the long outage, until bob's exec retried a chunk send past the transport's
 * own retries), starts it again on the same port and state, waits until alice sees output produced
 * after that, and only then lets the command end: output flows before, during and after the outage.
 */
class HomeserverRestartExecTest {
    private static final String NUMBERED_LINES = "i=0; while [ ! -e stop ]; do i=$((i+1)); echo \"line $i\"; "
            + "echo $i > progress; sleep 0.2; done; echo \"end $i\"";
    /** Lines bob's command prints while the server is down. */
    private static final int LINES_DURING_OUTAGE = 15;
    /** What bob's exec logs when a send outlasted the transport's own retries and is tried again (same txn). */
    private static final String EXEC_LEVEL_RETRY = "sending " + EventTypes.STREAM_CHUNK + " failed";

    @RegisterExtension
    static final PrivateHomeserver SERVER = new PrivateHomeserver(8028);

    @RegisterExtension
    final E2e e2e = new E2e(SERVER::homeserver);

    /**
     * A long outage: the server stays down until a chunk send on bob's side has used up the transport's own
     * retries (about 31 s) and the exec layer tries it again under the same transaction id.
     */
    @Test
    @Timeout(300)
    void strictStreamCompletesWithNoGapAcrossALongRestart() {
        CliResult result = execAcrossRestart(true, pair -> Eventually.within(Duration.ofSeconds(90))
                .until("bob retries a chunk send past the transport's retries", () -> pair.bob().logTail(400),
                        log -> log.contains(EXEC_LEVEL_RETRY)));
        assertEquals(0, result.exit(), result::toString);
        assertNumberedLinesExactlyOnce(result);
    }

    /** A short outage (stop, then start at once), without --strict-stream. */
    @Test
    @Timeout(300)
    void defaultStreamCompletesWithNoGapAcrossARestart() {
        CliResult result = execAcrossRestart(false, pair -> { });
        assertEquals(0, result.exit(), result::toString);
        assertNumberedLinesExactlyOnce(result);
    }

    private CliResult execAcrossRestart(boolean strict, Consumer<ExecPair> outage) {
        ExecPair pair = ExecPair.create(e2e);
        Path progress = pair.work().resolve("progress");
        List<String> args = new ArrayList<>();
        if (strict) {
            args.add("--strict-stream");
        }
        args.addAll(List.of("--", "sh", "-c", NUMBERED_LINES));
        PendingCli exec = pair.execAsync(args.toArray(String[]::new));
        Eventually.within(Duration.ofSeconds(60)).until("alice's CLI shows line 3", exec::stdoutSoFar,
                out -> out.contains("line 3\n"));

        SERVER.stop();
        int atStop = counter(progress);
        Eventually.within(Duration.ofSeconds(30)).until(LINES_DURING_OUTAGE + " more lines printed on bob's side "
                + "while the server is down", () -> counter(progress), n -> n >= atStop + LINES_DURING_OUTAGE);
        outage.accept(pair);
        assertTrue(exec.isAlive(), "alice's CLI waits through the outage");
        SERVER.start();
        int atStart = counter(progress);

        String after = "line " + (atStart + 5) + "\n";
        Eventually.within(Duration.ofSeconds(120)).until("alice's CLI shows a line printed after the restart ("
                + after.strip() + ")", exec::stdoutSoFar, out -> out.contains(after));
        touch(pair.work().resolve("stop"));
        CliResult result = exec.await(Duration.ofSeconds(90));
        // A lost chunk, a refused one or a missing stream would be a "warning: …" (132 with --strict-stream).
        assertFalse(result.stderr().contains("warning") || result.stderr().contains("lost")
                || result.stderr().contains("integrity"), result::toString);
        return result;
    }

    /** stdout is exactly "line 1" … "line N", then "end N". */
    private static void assertNumberedLinesExactlyOnce(CliResult result) {
        List<String> lines = result.stdoutLines();
        assertFalse(lines.isEmpty(), result::toString);
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("end \\d+"), () -> "the last line is the command's end marker: " + result);
        int n = Integer.parseInt(last.substring(4));
        assertTrue(n >= 3 + LINES_DURING_OUTAGE + 5, () -> "lines from before, during and after the outage: " + n);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            expected.add("line " + i);
        }
        expected.add(last);
        assertEquals(expected, lines, "every numbered line exactly once, in order");
    }

    /** The command's counter; the shell rewrites the file each line, so an empty read is retried. */
    private static int counter(Path progress) {
        return Eventually.within(Duration.ofSeconds(10)).until("a number in " + progress,
                () -> Integer.parseInt(Files.readString(progress).strip()), n -> n > 0);
    }

    private static void touch(Path file) {
        try {
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
