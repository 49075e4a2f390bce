package org.mxagent.sandbox.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.sandbox.api.LaunchMode;
import org.mxagent.sandbox.api.LaunchSpec;
import org.mxagent.sandbox.api.SandboxException;
import org.mxagent.sandbox.api.WrappedCommand;

/** Real bwrap runs: network namespace, binds, read-only root, masked runtime directories, rlimits. */
@Timeout(60)
class BubblewrapSandboxTest {
    private static final String PATH = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
    private final RecordingLogger log = new RecordingLogger();
    @TempDir
    Path dir;

    @BeforeAll
    static void needsBwrap() {
        assumeTrue(Executables.find("", "bwrap", PATH).isPresent(), "bubblewrap is not installed");
    }

    private BubblewrapSandbox sandbox(RootMode root, List<Path> masked) {
        return new BubblewrapSandbox(log.logger, "", "", PATH, root, masked);
    }

    private record Run(int exit, String output) {}

    private Run run(BubblewrapSandbox sandbox, Allowance allowance, Path cwd, String script) throws Exception {
        LaunchSpec spec = new LaunchSpec(List.of("/bin/sh", "-c", script), cwd, Map.of("PATH", PATH),
                LaunchMode.BATCH, allowance);
        WrappedCommand wrapped = sandbox.wrap(spec);
        assertTrue(wrapped.supervised());
        ProcessBuilder builder = new ProcessBuilder(wrapped.argv()).directory(wrapped.hostCwd().toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(wrapped.env());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "bwrap did not finish: " + output);
        return new Run(process.exitValue(), output);
    }

    @Test
    void deniedNetworkLeavesOnlyLoopbackAndCannotReachTheHost() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run(sandbox(RootMode.HOST, List.of()), Allowances.of(NetworkMode.DENY, List.of(), List.of()),
                    dir, "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '; "
                            + "if bash -c 'exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort() + "' 2>/dev/null;"
                            + " then echo connected; else echo refused; fi");
            assertEquals(0, run.exit(), run.output());
            assertEquals(List.of("lo", "refused"), run.output().lines().toList());
        }
    }

    @Test
    void allowedNetworkReachesTheHost() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run(sandbox(RootMode.HOST, List.of()), Allowances.of(NetworkMode.ALLOW, List.of(), List.of()),
                    dir, "bash -c 'exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort() + "' && echo connected");
            assertEquals(0, run.exit(), run.output());
            assertEquals("connected", run.output().trim());
        }
    }

    @Test
    void writablePathsAreWritableAndEverythingElseIsReadOnly() throws Exception {
        Path rw = Files.createDirectories(dir.resolve("rw"));
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Files.writeString(ro.resolve("kept"), "original");
        Run run = run(sandbox(RootMode.HOST, List.of()), Allowances.of(NetworkMode.DENY, List.of(ro), List.of(rw)),
                rw, "echo made > made && echo rw-ok; "
                        + "{ echo x > " + ro.resolve("kept") + "; } 2>/dev/null || echo ro-denied; "
                        + "{ echo x > /etc/mx-agent-test; } 2>/dev/null || echo root-denied; "
                        + "echo x > /tmp/scratch && echo tmp-ok; id -u");
        assertEquals(0, run.exit(), run.output());
        assertEquals(List.of("rw-ok", "ro-denied", "root-denied", "tmp-ok", "0"), run.output().lines().toList());
        assertEquals("made\n", Files.readString(rw.resolve("made")));
        assertEquals("original", Files.readString(ro.resolve("kept")));
        assertFalse(Files.exists(Path.of("/etc/mx-agent-test")));
    }

    @Test
    void runtimeDirectoriesAreHiddenEvenUnderAWritablePath() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("signing_key.ed25519"), "seed");
        Run run = run(sandbox(RootMode.HOST, List.of(data)), Allowances.of(NetworkMode.DENY, List.of(),
                List.of(dir)), dir, "ls -A " + data + " | wc -l; cat " + data + "/signing_key.ed25519 2>&1 || true");
        assertEquals("0", run.output().lines().findFirst().orElseThrow().trim(), run.output());
        assertFalse(run.output().contains("seed"), run.output());
    }

    @Test
    void minimalRootShowsSystemDirectoriesButNotTheRest() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        Run run = run(sandbox(RootMode.MINIMAL, List.of()), Allowances.of(NetworkMode.DENY, List.of(), List.of()),
                cwd, "ls /usr/bin/env >/dev/null && echo usr-ok; ls /root >/dev/null 2>&1 || echo no-root; pwd");
        assertEquals(0, run.exit(), run.output());
        assertEquals(List.of("usr-ok", "no-root", cwd.toString()), run.output().lines().toList());
    }

    @Test
    void rlimitsApplyInsideTheSandbox() throws Exception {
        Allowance limited = Allowances.withLimits(Allowances.of(NetworkMode.DENY, List.of(), List.of()),
                OptionalLong.empty(), OptionalLong.of(512L << 20), OptionalLong.of(7));
        Run run = run(sandbox(RootMode.HOST, List.of()), limited, dir, "ulimit -v; ulimit -t");
        assertEquals(0, run.exit(), run.output());
        assertEquals(List.of(String.valueOf(512 * 1024), "7"), run.output().lines().toList());
    }

    @Test
    void missingBwrapFailsClosed() {
        BubblewrapSandbox missing = new BubblewrapSandbox(log.logger, "/nonexistent/bwrap", "", PATH, RootMode.HOST,
                List.of());
        assertFalse(missing.availability().available());
        SandboxException e = assertThrows(SandboxException.class, () -> missing.wrap(new LaunchSpec(List.of("true"),
                dir, Map.of(), LaunchMode.BATCH, Allowances.of(NetworkMode.DENY, List.of(), List.of()))));
        assertTrue(e.getMessage().contains("/nonexistent/bwrap"), e.getMessage());
        assertEquals("sandbox_required", e.rejectReason().wire());
    }

    @Test
    void exitStatusOfTheCommandPassesThrough() throws Exception {
        Run run = run(sandbox(RootMode.HOST, List.of()), Allowances.of(NetworkMode.DENY, List.of(), List.of()), dir,
                "exit 42");
        assertEquals(42, run.exit());
    }

}
