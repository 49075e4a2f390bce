package org.mxagent.context.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextException.Kind;
import org.mxagent.context.api.DiffFormat;
import org.mxagent.policy.api.ChildEnvironment;

/**
 * Runs {@code git diff [--stat|--name-only] [base]} in a work tree, with a time limit; both output streams are
 * drained in parallel. Git is started directly (never through a shell) with the allowlisted environment that
 * every child of the runtime gets, so the daemon's secrets never reach it.
 */
final class GitDiff {
    /** Revisions as people write them (HEAD~2, main, v1.0, a1b2c3, origin/main...main), never an option. */
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9._/@^~{}:+-]+");

    private final Executor readers;
    private final Duration timeout;

    GitDiff(Executor readers, Duration timeout) {
        this.readers = readers;
        this.timeout = timeout;
    }

    byte[] diff(Path directory, String base) throws ContextException {
        return diff(directory, base, DiffFormat.PATCH);
    }

    byte[] diff(Path directory, String base, DiffFormat format) throws ContextException {
        if (!directory.isAbsolute()) {
            throw new ContextException(Kind.INVALID, "the directory must be an absolute path (the daemon does not "
                    + "share the caller's working directory): " + directory);
        }
        if (!Files.isDirectory(directory)) {
            throw new ContextException(Kind.NOT_FOUND, "no such directory: " + directory);
        }
        if (!base.isEmpty() && (base.startsWith("-") || !REVISION.matcher(base).matches())) {
            throw new ContextException(Kind.INVALID, "not a git revision: '" + base + "'");
        }
        Result check = run(directory, List.of("rev-parse", "--is-inside-work-tree"));
        if (check.exit() != 0 || !check.stdoutText().trim().equals("true")) {
            throw new ContextException(Kind.INVALID, "not a git repository: " + directory
                    + (check.stderrText().isBlank() ? "" : " (git: " + check.stderrText().trim() + ")"));
        }
        List<String> args = new ArrayList<>(List.of("diff", "--no-color", "--no-ext-diff"));
        switch (format) {
            case STAT -> args.add("--stat");
            case NAME_ONLY -> args.add("--name-only");
            case PATCH -> { }
        }
        if (!base.isEmpty()) {
            args.add(base);
            args.add("--");
        }
        Result diff = run(directory, args);
        if (diff.exit() != 0) {
            throw new ContextException(Kind.FAILED, "git diff" + (base.isEmpty() ? "" : " " + base) + " failed in "
                    + directory + ": " + diff.stderrText().trim());
        }
        return diff.stdout();
    }

    private record Result(int exit, byte[] stdout, byte[] stderr) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        String stderrText() {
            return new String(stderr, StandardCharsets.UTF_8);
        }
    }

    private Result run(Path directory, List<String> args) throws ContextException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        Map<String, String> allowed = ChildEnvironment.build(System.getenv(), List.of(), Map.of(),
                directory.toString());
        env.clear();
        env.putAll(allowed);
        // Plain, untranslated output, never a pager or a credential prompt.
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("GIT_PAGER", "cat");
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ContextException(Kind.FAILED, "cannot run git (is it installed?): " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> stdout = drain(process.getInputStream());
        CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ContextException(Kind.FAILED, "git " + args.get(0) + " did not finish within "
                        + timeout.toSeconds() + " s in " + directory);
            }
            return new Result(process.exitValue(), stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS),
                    stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ContextException(Kind.FAILED, "interrupted while running git", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new ContextException(Kind.FAILED, "cannot read git's output: " + e.getMessage(), e);
        }
    }

    private CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, readers);
    }
}
