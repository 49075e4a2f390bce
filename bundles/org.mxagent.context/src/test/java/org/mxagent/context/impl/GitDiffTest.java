package org.mxagent.context.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.DiffFormat;

/** Runs the real git binary in temporary directories. */
class GitDiffTest {
    @TempDir
    Path dir;

    private final ExecutorService readers = Executors.newCachedThreadPool();
    private final GitDiff git = new GitDiff(readers, Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        readers.shutdownNow();
    }

    @Test
    void aDirectoryOutsideAnyRepositoryIsAClearError() {
        ContextException e = assertThrows(ContextException.class, () -> git.diff(dir, ""));
        assertEquals(ContextException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().startsWith("not a git repository: " + dir), e.getMessage());
    }

    @Test
    void diffOfTheWorkTreeAndAgainstABase() throws Exception {
        run("git", "init", "-q");
        Files.writeString(dir.resolve("a.txt"), "one\n");
        run("git", "add", "a.txt");
        run("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first");
        Files.writeString(dir.resolve("a.txt"), "two\n");

        String diff = new String(git.diff(dir, ""), StandardCharsets.UTF_8);
        assertTrue(diff.contains("-one\n+two\n"), diff);
        assertEquals(diff, new String(git.diff(dir, "HEAD"), StandardCharsets.UTF_8));
        run("git", "stash", "-q");
        assertEquals(0, git.diff(dir, "").length, "clean tree, empty diff");
    }

    @Test
    void statAndNameOnlySummariseTheSameChanges() throws Exception {
        run("git", "init", "-q");
        Files.writeString(dir.resolve("a.txt"), "one\n");
        Files.writeString(dir.resolve("b.txt"), "keep\n");
        run("git", "add", "a.txt", "b.txt");
        run("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first");
        Files.writeString(dir.resolve("a.txt"), "two\nthree\n");

        String names = new String(git.diff(dir, "HEAD", DiffFormat.NAME_ONLY), StandardCharsets.UTF_8);
        assertEquals("a.txt\n", names);
        String stat = new String(git.diff(dir, "", DiffFormat.STAT), StandardCharsets.UTF_8);
        assertTrue(stat.contains("a.txt | 3 ++-"), stat);
        assertTrue(stat.contains("1 file changed, 2 insertions(+), 1 deletion(-)"), stat);
        assertTrue(!stat.contains("b.txt"), stat);
    }

    @Test
    void formatsAreSpelledAsGitDoes() {
        assertEquals(DiffFormat.NAME_ONLY, DiffFormat.fromWire("name-only").orElseThrow());
        assertEquals(DiffFormat.STAT, DiffFormat.fromWire("stat").orElseThrow());
        assertEquals("text/x-diff", DiffFormat.PATCH.mimeType());
        assertEquals("text/plain", DiffFormat.STAT.mimeType());
        assertTrue(DiffFormat.fromWire("numstat").isEmpty());
    }

    @Test
    void optionsAndOddRevisionsAreRefusedBeforeGitRuns() {
        for (String base : List.of("--output=/tmp/x", "-p", "a b", "$(id)")) {
            ContextException e = assertThrows(ContextException.class, () -> git.diff(dir, base));
            assertEquals(ContextException.Kind.INVALID, e.kind(), base);
        }
    }

    @Test
    void relativeAndMissingDirectories() {
        assertEquals(ContextException.Kind.INVALID,
                assertThrows(ContextException.class, () -> git.diff(Path.of("relative"), "")).kind());
        assertEquals(ContextException.Kind.NOT_FOUND,
                assertThrows(ContextException.class, () -> git.diff(dir.resolve("missing"), "")).kind());
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.join(" ", command));
    }
}
