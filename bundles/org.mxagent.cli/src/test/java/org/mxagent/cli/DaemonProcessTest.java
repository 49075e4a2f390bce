package org.mxagent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.ipc.wire.JsonException;
import org.mxagent.ipc.wire.JsonReader;

/**
 * {@code daemon start} and {@code daemon stop} with a real background process: a stand-in runtime jar whose
 * main class ({@link FakeDaemonMain}) serves the socket the way the daemon does.
 */
class DaemonProcessTest {
    @TempDir
    Path dir;

    private Path runtimeDir;
    private Path jar;
    private final Map<String, String> env = new HashMap<>(System.getenv());
    private String stdout;
    private String stderr;
    private Long startedPid;

    @BeforeEach
    void fakeRuntimeJar() throws IOException, URISyntaxException {
        runtimeDir = dir.resolve("run");
        env.put("MX_AGENT_RUNTIME_DIR", runtimeDir.toString());
        jar = dir.resolve("fake-runtime.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeDaemonMain.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, location(FakeDaemonMain.class) + " "
                + location(Cli.class) + " " + location(org.mxagent.ipc.wire.Frames.class));
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        }
    }

    @AfterEach
    void killLeftovers() {
        if (startedPid != null) {
            ProcessHandle.of(startedPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), env,
                new CliTest.FakeTerminal(), jar.toString(), "tester").run(args);
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return status;
    }

    @Test
    void startsInTheBackgroundThenStops() throws IOException, JsonException {
        assertEquals(0, run("daemon", "start", "--json"), stderr);
        Map<String, Object> started = Json.object(JsonReader.parse(stdout.strip()));
        startedPid = Json.number(started, "pid", -1);
        assertEquals(Boolean.FALSE, started.get("already_running"));
        assertTrue(ProcessHandle.of(startedPid).map(ProcessHandle::isAlive).orElse(false), "the daemon runs on");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(runtimeDir)));
        Path log = runtimeDir.resolve("daemon.log");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
        assertTrue(Files.readString(log).contains("fake daemon pid " + startedPid), "its output goes to the log");

        assertEquals(0, run("daemon", "start"));
        assertTrue(stdout.startsWith("daemon already running (pid " + startedPid + ")"), stdout);

        assertEquals(0, run("daemon", "status"));
        assertTrue(stdout.contains("running (pid " + startedPid + ", up 1s)"), stdout);

        assertEquals(0, run("daemon", "stop"));
        assertEquals("daemon stopped (pid " + startedPid + ")\n", stdout);
        assertFalse(ProcessHandle.of(startedPid).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(Files.readString(log).contains("fake daemon stopped"));
        assertEquals(3, run("daemon", "status"));
    }

    @Test
    void aDaemonThatDiesOnStartShowsItsLog() throws IOException {
        Files.createDirectories(runtimeDir);
        Files.writeString(runtimeDir.resolve("daemon.log"), "an older run's line\n");
        env.put("FAKE_DAEMON_MODE", "fail");
        assertEquals(1, run("daemon", "start"));
        assertTrue(stderr.contains("the daemon exited with status 2 before it answered"), stderr);
        assertTrue(stderr.contains("fake failure: the configuration is broken"), stderr);
        assertFalse(stderr.contains("an older run's line"), "only this start's part of the log is shown");
    }

    @Test
    void aMissingRuntimeJarIsNamed() throws IOException {
        Files.delete(jar);
        assertEquals(1, run("daemon", "start"));
        assertTrue(stderr.contains("runtime jar not found: " + jar), stderr);
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return type.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
    }
}
