package org.mxagent.e2e.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;

/**
 * A CLI process that is still running (from {@link AgentRuntime#cliAsync}): its output goes to files, so it can
 * run as long as it likes without a reader thread; {@link #await} returns the {@link CliResult}.
 */
public final class PendingCli {
    private final String runtime;
    private final List<String> args;
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final long startedNanos;
    private final Consumer<CliResult> onFinish;
    private CliResult result;

    PendingCli(String runtime, List<String> args, Process process, Path stdout, Path stderr, long startedNanos,
            Consumer<CliResult> onFinish) {
        this.runtime = runtime;
        this.args = List.copyOf(args);
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.startedNanos = startedNanos;
        this.onFinish = onFinish;
    }

    public long pid() {
        return process.pid();
    }

    /** Writes to the process's standard input (only for {@link AgentRuntime#cliPiped}). */
    public void writeStdin(String text) {
        try {
            process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new AssertionFailedError("cannot write to the stdin of `mx-agent " + String.join(" ", args) + "`", e);
        }
    }

    /** Closes the process's standard input: it reads EOF (only for {@link AgentRuntime#cliPiped}). */
    public void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new AssertionFailedError("cannot close the stdin of `mx-agent " + String.join(" ", args) + "`", e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the process has written to stdout so far (e.g. to poll a following {@code mx:tail -f}). */
    public String stdoutSoFar() {
        return read(stdout);
    }

    /** Waits for the process to exit; if it does not within {@code timeout} it is killed and the test fails. */
    public synchronized CliResult await(Duration timeout) {
        if (result != null) {
            return result;
        }
        boolean finished;
        try {
            finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while `mx-agent " + String.join(" ", args) + "` ran", e);
        }
        if (!finished) {
            process.destroyForcibly();
            CliResult partial = collect(-1);
            throw new AssertionFailedError("did not finish within " + timeout.toMillis() + " ms, killed: " + partial);
        }
        result = collect(process.exitValue());
        onFinish.accept(result);
        return result;
    }

    private CliResult collect(int exit) {
        return new CliResult(runtime, args, exit, read(stdout), read(stderr),
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
