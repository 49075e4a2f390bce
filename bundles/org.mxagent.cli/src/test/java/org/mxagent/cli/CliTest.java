package org.mxagent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.ipc.wire.JsonException;
import org.mxagent.ipc.wire.JsonReader;
import org.mxagent.ipc.wire.JsonWriter;

/** The CLI end to end against a scripted daemon on a real Unix socket. */
class CliTest {
    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final FakeTerminal terminal = new FakeTerminal();
    private FakeDaemon daemon;
    private String stdout;
    private String stderr;

    /** A terminal that is scripted instead of typed at. */
    static final class FakeTerminal implements Terminal {
        boolean interactive;
        String password;
        final List<String> prompts = new ArrayList<>();

        @Override
        public boolean isInteractive() {
            return interactive;
        }

        @Override
        public char[] readPassword(String prompt) {
            prompts.add(prompt);
            return password == null ? null : password.toCharArray();
        }
    }

    @BeforeEach
    void environment() {
        env.put("MX_AGENT_RUNTIME_DIR", dir.toString());
    }

    @AfterEach
    void stopDaemon() throws IOException {
        if (daemon != null) {
            daemon.close();
        }
    }

    private FakeDaemon daemon() throws IOException {
        daemon = FakeDaemon.start(dir.resolve("daemon.sock"));
        return daemon;
    }

    private int run(String... args) {
        return runWithInput("", args);
    }

    private int runWithInput(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), env, terminal, null, "tester")
                .run(args);
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return status;
    }

    private static Map<String, Object> status(long pid) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("pid", pid);
        status.put("uptime_ms", 3_723_000L);
        status.put("version", "0.1.0.test");
        status.put("socket", "/run/test/daemon.sock");
        status.put("transport", true);
        status.put("session", null);
        status.put("sync", null);
        status.put("bundles", Map.of("total", 20, "active", 19));
        return status;
    }

    @Test
    void noArgumentsPrintsHelp() {
        assertEquals(0, run());
        assertTrue(stdout.contains("Usage: mx-agent [GLOBAL] <group> <command> [OPTIONS]"), stdout);
        assertTrue(stdout.contains("daemon status"), stdout);
    }

    @Test
    void everyCommandHasHelp() {
        for (CommandSpec spec : Commands.ALL) {
            List<String> args = new ArrayList<>(List.of(spec.path().split(" ")));
            args.add("--help");
            assertEquals(0, run(args.toArray(new String[0])), spec.path());
            assertTrue(stdout.startsWith("Usage: mx-agent " + spec.synopsis() + "\n"), stdout);
        }
        assertEquals(0, run("auth", "--help"));
        assertTrue(stdout.contains("auth login --homeserver URL --user USER"), stdout);
    }

    @Test
    void versionNeedsNoDaemon() {
        assertEquals(0, run("--version"));
        assertTrue(stdout.startsWith("mx-agent "), stdout);
    }

    @Test
    void usageErrorsExit64WithAPointerToHelp() {
        assertEquals(64, run("daemon", "status", "--force"));
        assertEquals("", stdout);
        assertTrue(stderr.contains("mx-agent: unknown option --force for mx-agent daemon status"), stderr);
        assertTrue(stderr.contains("Run 'mx-agent daemon status --help' for usage."), stderr);
        assertEquals(64, run("daemon"));
        assertEquals(64, run("--json"));
        assertEquals(64, run("shell", "lb"));
        assertEquals(64, run("daemon", "status", "--", "extra"));
    }

    @Test
    void usageErrorWithJsonIsAlsoOneJsonValueOnStdout() throws JsonException {
        assertEquals(64, run("--json", "auth", "login", "--user"));
        Map<String, Object> error = Json.object(Json.object(JsonReader.parse(stdout.strip())), "error");
        assertEquals(64L, error.get("exit"));
        assertEquals("option --user needs a value", error.get("message"));
    }

    @Test
    void statusWithoutADaemonExits3() {
        assertEquals(3, run("daemon", "status"));
        assertTrue(stderr.startsWith("mx-agent: daemon not running (no socket at " + dir.resolve("daemon.sock")),
                stderr);
    }

    @Test
    void aStaleSocketIsNotRunningToo() throws IOException {
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(dir.resolve("daemon.sock")));
        }
        assertEquals(3, run("daemon", "status"));
        assertTrue(stderr.contains("nothing listens on"), stderr);
    }

    @Test
    void statusForPeople() throws IOException {
        daemon().on("daemon.status", (params, call) -> status(4242));
        assertEquals(0, run("daemon", "status"));
        assertEquals("""
                daemon    running (pid 4242, up 1h 2m)
                version   0.1.0.test
                socket    /run/test/daemon.sock
                bundles   19 of 20 active
                session   not logged in
                """, stdout);
    }

    @Test
    void statusAsJsonIsTheResultObject() throws IOException {
        daemon().on("daemon.status", (params, call) -> status(4242));
        assertEquals(0, run("daemon", "status", "--json"));
        assertEquals(JsonWriter.write(status(4242)) + "\n", stdout);
        assertEquals("", stderr);
    }

    @Test
    void socketFlagOverridesTheRuntimeDirectory() throws IOException {
        Path elsewhere = dir.resolve("other");
        java.nio.file.Files.createDirectories(elsewhere);
        daemon = FakeDaemon.start(elsewhere.resolve("x.sock"));
        daemon.on("daemon.status", (params, call) -> status(7));
        assertEquals(0, run("daemon", "status", "--socket", elsewhere.resolve("x.sock").toString()));
        assertTrue(stdout.contains("pid 7"), stdout);
    }

    @Test
    void remoteErrorsUseTheirExitCode() throws IOException {
        daemon().on("auth.status", (params, call) -> {
            throw new FakeDaemon.Failure(-32001, "not logged in", 3, Map.of());
        });
        assertEquals(3, run("auth", "status"));
        assertEquals("mx-agent: not logged in\n", stderr);
        assertEquals(3, run("auth", "status", "--json"));
        assertTrue(stdout.contains("\"message\":\"not logged in\""), stdout);
    }

    @Test
    void unknownMethodIsAnErrorNotACrash() throws IOException {
        daemon();
        assertEquals(1, run("auth", "logout"));
        assertEquals("mx-agent: unknown method auth.logout\n", stderr);
    }

    @Test
    void loginTakesThePasswordFromTheEnvironment() throws IOException {
        daemon().on("auth.login", (params, call) -> Map.of("user_id", "@alice:localhost", "device_id", "DEV",
                "homeserver", params.get("homeserver")));
        env.put("MX_AGENT_PASSWORD", "pässword \"1\"");
        assertEquals(0, run("auth", "login", "--homeserver", "http://127.0.0.1:8008", "--user", "alice"));
        assertEquals("logged in as @alice:localhost on http://127.0.0.1:8008 (device DEV)\n", stdout);
        Map<String, Object> params = Json.object(daemon.requests().get(0), "params");
        assertEquals("pässword \"1\"", params.get("password"));
        assertEquals("alice", params.get("user"));
        assertTrue(terminal.prompts.isEmpty());
    }

    @Test
    void loginPromptsOnTheTerminalWithoutTheVariable() throws IOException {
        daemon().on("auth.login", (params, call) -> Map.of("user_id", "@bob:localhost", "device_id", "D",
                "homeserver", "http://h"));
        terminal.password = "typed";
        assertEquals(0, run("auth", "login", "--homeserver", "http://h", "--user", "bob"));
        assertEquals(List.of("Password for bob on http://h: "), terminal.prompts);
        assertEquals("typed", Json.object(daemon.requests().get(0), "params").get("password"));
    }

    @Test
    void loginWithoutAnyPasswordSourceIsAUsageError() throws IOException {
        daemon();
        assertEquals(64, run("auth", "login", "--homeserver", "http://h", "--user", "bob"));
        assertTrue(stderr.startsWith("mx-agent: no password: set MX_AGENT_PASSWORD"), stderr);
        assertTrue(daemon.requests().isEmpty(), "nothing was sent");
    }

    @Test
    void loginNeedsBothOptions() {
        env.put("MX_AGENT_PASSWORD", "x");
        assertEquals(64, run("auth", "login", "--user", "bob"));
        assertTrue(stderr.contains("auth login needs --homeserver URL"), stderr);
    }

    @Test
    void verboseTracingNeverShowsAuthParams() throws IOException {
        daemon().on("auth.login", (params, call) -> Map.of("user_id", "@a:h", "device_id", "D", "homeserver", "h"));
        env.put("MX_AGENT_PASSWORD", "hunter2-secret");
        assertEquals(0, run("-vvv", "auth", "login", "--homeserver", "http://h", "--user", "a"));
        assertTrue(stderr.contains("request (params hidden)"), stderr);
        assertFalse(stderr.contains("hunter2-secret"), stderr);
    }

    @Test
    void shellDashCPrintsTheOutput() throws IOException {
        daemon().on("shell.exec", (params, call) -> Map.of("output", "0|Active|System Bundle\n", "error", ""));
        assertEquals(0, run("shell", "-c", "lb"));
        assertEquals("0|Active|System Bundle\n", stdout);
        assertEquals(Map.of("command", "lb"), Json.object(daemon.requests().get(0), "params"));
    }

    @Test
    void shellDashCFailureIsExit1WithOutputAndMessage() throws IOException {
        daemon().on("shell.exec", (params, call) -> {
            throw new FakeDaemon.Failure(-32000, "Command not found: frob", 1, Map.of("output", "partial", "error",
                    ""));
        });
        assertEquals(1, run("shell", "-c", "frob"));
        assertEquals("partial\n", stdout);
        assertEquals("mx-agent: Command not found: frob\n", stderr);
    }

    @Test
    void shellSkipsStreamFramesBeforeTheResult() throws IOException, JsonException {
        daemon().on("shell.exec", (params, call) -> {
            try {
                call.stream(Map.of("progress", 1));
                call.stream("two");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("output", "done", "error", "");
        });
        assertEquals(0, run("shell", "-c", "slow", "--json"));
        assertEquals(Map.of("output", "done", "error", ""), JsonReader.parse(stdout));
        assertEquals(1, stdout.lines().count(), "one JSON value, on one line");
    }

    @Test
    void consoleRunsLinesInOneSessionAndGoesOnAfterErrors() throws IOException {
        daemon().on("shell.open", (params, call) -> Map.of("session", "S1"))
                .on("shell.close", (params, call) -> Map.of("closed", true))
                .on("shell.exec", (params, call) -> {
                    if ("bad".equals(params.get("command"))) {
                        throw new FakeDaemon.Failure(-32000, "bad failed", 1, Map.of());
                    }
                    return Map.of("output", "ran " + params.get("command") + " in " + params.get("session"), "error",
                            "");
                });
        int status = runWithInput("x = 1\n\n  \nbad\n$x\nexit\nnever\n", "shell");
        assertEquals("ran x = 1 in S1\nran $x in S1\n", stdout, "no prompt without a terminal");
        assertEquals("mx-agent: bad failed\n", stderr);
        assertEquals(List.of("shell.open", "shell.exec", "shell.exec", "shell.exec", "shell.close"), daemon.methods());
        assertEquals(1, status, "a script with a failed line exits 1");
    }

    @Test
    void interactiveConsolePromptsAndEndsAtEndOfInput() throws IOException {
        terminal.interactive = true;
        daemon().on("shell.open", (params, call) -> Map.of("session", "S1"))
                .on("shell.close", (params, call) -> Map.of("closed", true))
                .on("shell.exec", (params, call) -> Map.of("output", "ok\n", "error", ""));
        assertEquals(0, runWithInput("lb\n", "shell"));
        assertEquals("mx-agent> ok\nmx-agent> \n", stdout);
    }

    @Test
    void aDaemonThatHangsUpIsAClearError() throws IOException {
        daemon().on("daemon.status", (params, call) -> {
            call.hangUp();
            return null;
        });
        assertEquals(1, run("daemon", "status"));
        assertTrue(stderr.contains("the daemon closed the connection without answering daemon.status"), stderr);
    }

    @Test
    void noReplyInTimeIsExit129() throws IOException, CliException {
        daemon().on("daemon.status", (params, call) -> {
            call.stayQuiet();
            return null;
        });
        try (IpcClient client = IpcClient.connect(daemon.socket(), new Verbose(0, System.err), 200)) {
            CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class,
                    () -> client.call("daemon.status", null));
            assertEquals(129, e.exitCode());
            assertEquals("no reply from the daemon to daemon.status within 200 ms", e.getMessage());
        }
    }

    @Test
    void stopWaitsUntilTheDaemonIsGone() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        daemon().on("daemon.status", (params, call) -> status(exited.pid()))
                .on("daemon.stop", (params, call) -> {
                    call.afterReply(() -> closeQuietly(daemon));
                    return Map.of("stopping", true);
                });
        assertEquals(0, run("daemon", "stop"));
        assertEquals("daemon stopped (pid " + exited.pid() + ")\n", stdout);
        assertEquals(List.of("daemon.status", "daemon.stop"), daemon.methods());
    }

    @Test
    void stopWithoutADaemonExits3() {
        assertEquals(3, run("daemon", "stop"));
    }

    @Test
    void startWhenRunningSaysSo() throws IOException {
        daemon().on("daemon.status", (params, call) -> status(4242));
        assertEquals(0, run("daemon", "start"));
        assertTrue(stdout.startsWith("daemon already running (pid 4242)\n"), stdout);
    }

    @Test
    void startWithoutARuntimeJarIsAnError() {
        assertEquals(1, run("daemon", "start"));
        assertTrue(stderr.contains("no runtime jar"), stderr);
    }

    private static void closeQuietly(FakeDaemon daemon) {
        try {
            daemon.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
