package org.mxagent.discovery.impl.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.protocol.api.event.WorkspaceRepo;

/** Runs the real git binary in temporary directories. */
class GitCheckoutTest {
    @TempDir
    Path dir;

    private final GitCheckout git = new GitCheckout(Duration.ofSeconds(30));

    @Test
    void outsideAWorkTreeThereIsNoRepo() throws Exception {
        assertTrue(git.read(dir).isEmpty());
    }

    @Test
    void remoteWithoutCredentialsBranchAndCommit() throws Exception {
        run("git", "init", "-q", "-b", "feature/x");
        run("git", "remote", "add", "origin", "https://bob:s3cret@git.example.org/team/proj.git");
        WorkspaceRepo empty = git.read(dir).orElseThrow();
        assertEquals("feature/x", empty.branch());
        assertNull(empty.commit(), "no commit yet");
        Files.writeString(dir.resolve("a.txt"), "one\n");
        run("git", "add", "a.txt");
        run("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first");
        String head = output("git", "rev-parse", "HEAD");

        WorkspaceRepo repo = git.read(dir).orElseThrow();
        assertEquals("https://git.example.org/team/proj.git", repo.remoteUrl());
        assertEquals("feature/x", repo.branch());
        assertEquals(head, repo.commit());
        run("git", "checkout", "-q", "--detach");
        assertNull(git.read(dir).orElseThrow().branch(), "detached HEAD has no branch");
    }

    @Test
    void withoutOriginTheFirstRemoteAndNoneAtAll() throws Exception {
        run("git", "init", "-q");
        assertNull(git.read(dir).orElseThrow().remoteUrl());
        run("git", "remote", "add", "upstream", "git@example.org:team/proj.git");
        assertEquals("git@example.org:team/proj.git", git.read(dir).orElseThrow().remoteUrl());
    }

    @Test
    void credentialsAreStrippedOnlyFromUrlAuthorities() {
        assertEquals("https://h/p.git", GitCheckout.withoutCredentials("https://u:t@h/p.git"));
        assertEquals("ssh://h:22/p", GitCheckout.withoutCredentials("ssh://git@h:22/p"));
        assertEquals("https://h/a@b", GitCheckout.withoutCredentials("https://h/a@b"));
        assertEquals("git@h:p.git", GitCheckout.withoutCredentials("git@h:p.git"));
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.join(" ", command));
    }

    private String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return out;
    }
}
