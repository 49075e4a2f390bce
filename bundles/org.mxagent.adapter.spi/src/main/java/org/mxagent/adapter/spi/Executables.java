package org.mxagent.adapter.spi;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for {@link AgentAdapter#detect()}: find an executable and ask it its version, bounded in time. */
public final class Executables {
    private Executables() {}

    /**
     * {@code name} if it is a path to an executable file, else the first executable {@code name} in {@code path}
     * (a {@code :}-separated search path).
     */
    public static Optional<Path> find(String name, String path) {
        if (name.contains("/")) {
            Path file = Path.of(name);
            return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
        }
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path file = Path.of(dir, name);
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /**
     * The usual {@link AgentAdapter#detect()} of a CLI (since 1.1): {@code configured} found (on {@code searchPath}
     * unless it names a path), then {@code binary --version} answered within {@code timeout}; the first group of
     * {@code version} in the answer is the version. {@code product} (e.g. "Codex CLI"), {@code install} (the
     * command that installs it) and {@code pid} (the configuration to point at another binary) make the messages
     * actionable.
     */
    public static Detection detectCli(String product, String configured, String searchPath, Pattern version,
            Duration timeout, String install, String pid) {
        Optional<Path> binary = find(configured, searchPath);
        if (binary.isEmpty()) {
            return Detection.missing(product + " not found (looked for '" + configured + "'"
                    + (configured.contains("/") ? "" : " on PATH " + searchPath) + "). Install it with `" + install
                    + "` (or tests/adapters/install-clis), or set 'binary' in configuration PID " + pid
                    + " to its full path.");
        }
        try {
            Matcher answer = version.matcher(probe(List.of(binary.get().toString(), "--version"), timeout));
            return Detection.found(binary.get().toString(),
                    answer.find() ? Optional.of(answer.group(1)) : Optional.empty());
        } catch (IOException e) {
            return new Detection(false, Optional.of(binary.get().toString()), Optional.empty(), Optional.of(
                    product + " at " + binary.get() + " does not answer `--version`: " + e.getMessage()
                            + ". Reinstall it (" + install + ")."));
        }
    }

    /**
     * Runs {@code argv} (e.g. {@code [claude, --version]}) with stdin closed and returns its stdout and stderr,
     * merged and trimmed. The process and its descendants are killed if it takes longer than {@code timeout}.
     *
     * @throws IOException if it cannot start, times out, or exits non-zero (the message carries its output)
     */
    public static String probe(List<String> argv, Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(String.join(" ", argv) + " did not answer within " + timeout.toMillis() + " ms");
            }
            String text = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS).trim();
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", argv) + " exited " + process.exitValue() + ": " + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + argv.get(0), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("could not read the output of " + argv.get(0), e);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The process was killed while we read (timeout): what was read so far is all there is.
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }
}
