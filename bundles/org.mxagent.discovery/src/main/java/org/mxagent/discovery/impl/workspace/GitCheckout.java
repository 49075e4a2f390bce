package org.mxagent.discovery.impl.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.discovery.api.DiscoveryException.Kind;
import org.mxagent.policy.api.ChildEnvironment;
import org.mxagent.protocol.api.event.WorkspaceRepo;

/**
 * Reads {@code workspace.v1.repo} from a git work tree: the {@code origin} remote (else the first remote), the
 * branch (null when detached) and the {@code HEAD} commit (null before the first commit). Git is started
 * directly, never through a shell, with the allowlisted environment every child of the runtime gets.
 */
final class GitCheckout {
    private final Duration timeout;

    GitCheckout(Duration timeout) {
        this.timeout = timeout;
    }

    /** The repo of the work tree at {@code directory}, or empty when it is not inside one (or git is missing). */
    Optional<WorkspaceRepo> read(Path directory) throws DiscoveryException {
        Result inside = git(directory, "rev-parse", "--is-inside-work-tree");
        if (inside == null || inside.exit() != 0 || !inside.out().equals("true")) {
            return Optional.empty();
        }
        Result branch = git(directory, "symbolic-ref", "--quiet", "--short", "HEAD");
        Result commit = git(directory, "rev-parse", "--verify", "--quiet", "HEAD");
        return Optional.of(new WorkspaceRepo(remoteUrl(directory), value(branch), value(commit), Map.of()));
    }

    private String remoteUrl(Path directory) throws DiscoveryException {
        String origin = value(git(directory, "remote", "get-url", "origin"));
        if (origin != null) {
            return withoutCredentials(origin);
        }
        String remotes = value(git(directory, "remote"));
        String first = remotes == null ? null : value(git(directory, "remote", "get-url", remotes.lines()
                .findFirst().orElseThrow()));
        return first == null ? null : withoutCredentials(first);
    }

    /** {@code https://user:token@host/x} → {@code https://host/x}: room state is no place for a token. */
    static String withoutCredentials(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int hostStart = scheme + 3;
        int pathStart = url.indexOf('/', hostStart);
        int at = url.lastIndexOf('@', pathStart < 0 ? url.length() : pathStart);
        return at < hostStart ? url : url.substring(0, hostStart) + url.substring(at + 1);
    }

    private static String value(Result result) {
        return result == null || result.exit() != 0 || result.out().isEmpty() ? null : result.out();
    }

    private record Result(int exit, String out) {}

    /** Runs git; null when git cannot be started at all. */
    private Result git(Path directory, String... args) throws DiscoveryException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        Map<String, String> allowed = ChildEnvironment.build(System.getenv(), List.of(), Map.of(),
                directory.toString());
        env.clear();
        env.putAll(allowed);
        // Untranslated output, never a pager or a credential prompt.
        env.put("LC_ALL", "C");
        env.put("GIT_PAGER", "cat");
        env.put("GIT_TERMINAL_PROMPT", "0");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return null;
        }
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new DiscoveryException(Kind.FAILED, "git " + args[0] + " did not finish within "
                        + timeout.toSeconds() + " s in " + directory);
            }
            byte[] bytes = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(process.exitValue(), new String(bytes, StandardCharsets.UTF_8).trim());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DiscoveryException(Kind.FAILED, "interrupted while running git in " + directory, e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new DiscoveryException(Kind.FAILED, "cannot read git's output in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private static byte[] drain(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
