package org.mxagent.sandbox.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.sandbox.api.LaunchMode;
import org.mxagent.sandbox.api.LaunchSpec;
import org.mxagent.sandbox.api.SandboxException;

class BubblewrapArgumentsTest {
    private static final Path BWRAP = Path.of("/usr/bin/bwrap");
    @TempDir
    Path dir;

    private LaunchSpec spec(LaunchMode mode, NetworkMode network, List<Path> ro, List<Path> rw, Path cwd) {
        return new LaunchSpec(List.of("make", "-j4"), cwd, Map.of("PATH", "/usr/bin"), mode,
                Allowances.of(network, ro, rw));
    }

    @Test
    void batchWithoutNetworkIsFullyUnsharedInANewSession() throws Exception {
        List<String> args = BubblewrapArguments.build(BWRAP, spec(LaunchMode.BATCH, NetworkMode.DENY, List.of(),
                List.of(), dir), RootMode.HOST, List.of(), List.of());
        assertEquals(List.of("/usr/bin/bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop",
                "ALL", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--ro-bind",
                dir.toString(), dir.toString(), "--chdir", dir.toString(), "--", "make", "-j4"), args);
    }

    @Test
    void ptyKeepsTheSessionAndAllowedNetworkIsShared() throws Exception {
        List<String> args = BubblewrapArguments.build(BWRAP, spec(LaunchMode.PTY, NetworkMode.ALLOW, List.of(),
                List.of(), dir), RootMode.HOST, List.of(), List.of());
        assertFalse(args.contains("--new-session"));
        assertEquals(2, args.indexOf("--share-net"));
    }

    @Test
    void bindsGoFromShallowToDeepAndTheMostSpecificDecides() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path secrets = Files.createDirectories(work.resolve("secrets"));
        Path cwd = Files.createDirectories(work.resolve("project"));
        List<Bind> binds = BubblewrapArguments.binds(spec(LaunchMode.BATCH, NetworkMode.DENY, List.of(secrets),
                List.of(work), cwd));
        assertEquals(List.of(new Bind(work, true), new Bind(secrets, false), new Bind(cwd, true)), binds);
    }

    @Test
    void aPathNamedReadOnlyAndWritableStaysReadOnly() throws Exception {
        List<Bind> binds = BubblewrapArguments.binds(spec(LaunchMode.BATCH, NetworkMode.DENY, List.of(dir),
                List.of(dir), dir));
        assertEquals(List.of(new Bind(dir, false)), binds);
    }

    @Test
    void maskedDirectoriesComeAfterTheBindsAndLimitsBeforeTheCommand() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        List<String> args = BubblewrapArguments.build(BWRAP, spec(LaunchMode.BATCH, NetworkMode.DENY, List.of(),
                List.of(dir), dir), RootMode.HOST, List.of(data, dir.resolve("absent")),
                List.of("/usr/bin/prlimit", "--cpu=5", "--"));
        int bind = args.indexOf("--bind");
        int mask = args.lastIndexOf("--tmpfs");
        assertTrue(bind > 0 && mask > bind, args.toString());
        assertEquals(data.toString(), args.get(mask + 1));
        assertFalse(args.contains(dir.resolve("absent").toString()), "a missing directory has nothing to mask");
        assertEquals(List.of("--", "/usr/bin/prlimit", "--cpu=5", "--", "make", "-j4"),
                args.subList(args.size() - 6, args.size()));
    }

    @Test
    void minimalRootBindsSystemDirectoriesAndKeepsLinksAsLinks() throws Exception {
        List<String> args = BubblewrapArguments.build(BWRAP, spec(LaunchMode.BATCH, NetworkMode.DENY, List.of(),
                List.of(), dir), RootMode.MINIMAL, List.of(), List.of());
        assertFalse(String.join(" ", args).contains("--ro-bind / /"));
        assertTrue(String.join(" ", args).contains("--ro-bind /usr /usr"), args.toString());
        if (Files.isSymbolicLink(Path.of("/bin"))) {
            int link = args.indexOf("/bin") - 2;
            assertEquals("--symlink", args.get(link), args.toString());
        }
    }

    @Test
    void aMissingBindSourceFailsClosed() {
        SandboxException e = assertThrows(SandboxException.class, () -> BubblewrapArguments.binds(
                spec(LaunchMode.BATCH, NetworkMode.DENY, List.of(), List.of(dir.resolve("nope")), dir)));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertEquals("sandbox_required", e.rejectReason().wire());
    }
}
