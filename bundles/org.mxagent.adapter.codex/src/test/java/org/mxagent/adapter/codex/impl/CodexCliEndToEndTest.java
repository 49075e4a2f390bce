package org.mxagent.adapter.codex.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.adapter.api.RunOutcome;
import org.mxagent.adapter.impl.TestRunners;
import org.mxagent.adapter.spi.AdapterException;
import org.mxagent.adapter.spi.AgentWork;
import org.mxagent.adapter.spi.Detection;
import org.mxagent.adapter.spi.Progress;
import org.mxagent.terminal.impl.RealLocalExec;

/**
 * The REAL Codex CLI (installed by tests/adapters/install-clis) driven by the adapter through the real runner and
 * LocalExec, talking to tests/adapters/fake_openai_api.py — a TEST DOUBLE of the paid OpenAI Responses API on
 * loopback. Fails (does not skip) when the CLI is missing.
 */
@Timeout(120)
class CodexCliEndToEndTest {
    private static final String ANSWER = "Hello from the fake OpenAI API.";
    private static final String KEY = "test-double-key";
    private static final List<String> ENV = List.of("CODEX_HOME");
    @TempDir
    Path temp;
    private Path binary;
    private Process fakeApi;
    private String baseUrl;
    private Path apiLog;
    private Path home;
    private RealLocalExec exec;
    private final List<Progress> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        binary = Path.of(System.getProperty("mxagent.codex.binary", "codex-binary-not-configured"));
        assertTrue(Files.isExecutable(binary), "the real Codex CLI is not installed at " + binary
                + ": run tests/adapters/install-clis (npm install of @openai/codex into ~/.cache/mx-agent/npm)");
        apiLog = temp.resolve("api.log");
        fakeApi = new ProcessBuilder("python3", System.getProperty("mxagent.fake.openai"), "--key", KEY,
                "--answer", ANSWER, "--log", apiLog.toString(), "--max-seconds", "110")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String first = new BufferedReader(new InputStreamReader(fakeApi.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertTrue(first != null && first.startsWith("PORT "), "fake API did not start: " + first);
        baseUrl = "http://127.0.0.1:" + first.substring(5).trim() + "/v1";
        home = Files.createDirectories(temp.resolve("home"));
        // The runtime's own environment as LocalExec inherits it: a private HOME so no real login is used.
        exec = new RealLocalExec(temp.resolve("spool"), Map.of("PATH", RealLocalExec.PATH, "HOME", home.toString()));
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            assertEquals(0, exec.running(), "no run may be left going");
            assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().arguments()
                    .map(a -> List.of(a).contains("--json") && List.of(a).contains("exec")).orElse(false)
                    && p.info().command().map(c -> c.contains("codex")).orElse(false)),
                    "a codex process is left running");
        } finally {
            exec.close();
            fakeApi.destroy();
            assertTrue(fakeApi.waitFor(10, TimeUnit.SECONDS), "the fake API did not stop");
        }
    }

    private CodexAdapter adapter(Map<String, Object> config) {
        return new CodexAdapter(Configs.codex(config), RealLocalExec.PATH);
    }

    private RunOutcome run(CodexAdapter adapter) throws Exception {
        try (TestRunners.Runner runner = TestRunners.runner(exec.exec(), TestRunners.allowance(90_000, ENV),
                adapter)) {
            Path work = Files.createDirectories(temp.resolve("work"));
            return runner.startLocal("codex", AgentWork.of("inv_codex_" + System.nanoTime(), "Say hello.", work),
                    events::add).onFinished().toCompletableFuture().get(100, TimeUnit.SECONDS);
        }
    }

    /** {@code codex login --with-api-key} (the real CLI, key on stdin) into a fresh CODEX_HOME. */
    private Path loggedInCodexHome() throws Exception {
        Path codexHome = Files.createDirectories(temp.resolve("codex-home"));
        ProcessBuilder login = new ProcessBuilder(binary.toString(), "login", "--with-api-key")
                .redirectErrorStream(true);
        login.environment().clear();
        login.environment().putAll(Map.of("PATH", RealLocalExec.PATH, "HOME", home.toString(), "CODEX_HOME",
                codexHome.toString()));
        Process process = login.start();
        process.getOutputStream().write((KEY + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "codex login did not end");
        assertEquals(0, process.exitValue(), output);
        assertTrue(Files.exists(codexHome.resolve("auth.json")), output);
        return codexHome;
    }

    @Test
    void realCliAnswersThroughTheFakeApiAndItsJsonIsParsed() throws Exception {
        CodexAdapter adapter = adapter(Map.of("binary", binary.toString(), "base_url", baseUrl,
                "codex_home", loggedInCodexHome().toString(), "model", "gpt-5"));
        Detection detection = adapter.detect();
        assertTrue(detection.installed(), detection.toString());
        assertTrue(detection.version().orElse("").matches("\\d+\\.\\d+\\.\\d+.*"), detection.toString());
        System.out.println("Codex CLI version under test: " + detection.version().get());

        RunOutcome outcome = run(adapter);

        assertTrue(outcome.succeeded(), outcome + "\n" + events);
        assertEquals(ANSWER, outcome.terminal().text());
        assertEquals(Progress.Kind.STATUS, events.get(0).kind(), events.toString());
        assertFalse(events.get(0).details().getOrDefault("thread_id", "").isEmpty(), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.kind() == Progress.Kind.MESSAGE && e.text().equals(ANSWER)),
                events.toString());
        Progress.Usage usage = outcome.usage().orElseThrow();
        assertEquals(13, usage.inputTokens());
        assertEquals(5, usage.outputTokens());
        assertEquals(0, outcome.exit().exitCode().getAsInt());
        String log = Files.readString(apiLog);
        assertTrue(log.contains("\"method\": \"POST\", \"path\": \"/v1/responses\", \"model\": \"gpt-5\", "
                + "\"stream\": true, \"authorized\": true"), "the CLI streamed from the test double: " + log);
    }

    @Test
    void withoutCredentialsTheUserIsToldHowToLogIn() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("codex-home-empty"));
        RunOutcome outcome = run(adapter(Map.of("binary", binary.toString(), "base_url", baseUrl,
                "codex_home", empty.toString())));
        assertFalse(outcome.succeeded());
        assertEquals(Progress.Kind.ERROR, outcome.terminal().kind());
        assertTrue(outcome.terminal().text().contains(CodexJsonParser.NO_CREDENTIALS_HINT),
                outcome.terminal().text());
        assertTrue(outcome.terminal().text().contains("401"), outcome.terminal().text());
        assertFalse(Files.readString(apiLog).contains("\"authorized\": true"), "no authorized call without "
                + "credentials");
    }

    @Test
    void missingCliIsAClearActionableError() {
        CodexAdapter adapter = adapter(Map.of("binary", temp.resolve("no-such/codex").toString()));
        Detection detection = adapter.detect();
        assertFalse(detection.installed());
        assertTrue(detection.problem().orElse("").contains("npm install -g @openai/codex"), detection.toString());
        try (TestRunners.Runner runner = TestRunners.runner(exec.exec(), TestRunners.allowance(90_000, ENV),
                adapter)) {
            AdapterException e = assertThrows(AdapterException.class, () -> runner.startLocal("codex",
                    AgentWork.of("inv_missing", "hi", temp), events::add));
            assertEquals(AdapterException.Reason.NOT_INSTALLED, e.reason());
            assertTrue(e.getMessage().contains("Codex CLI not found"), e.getMessage());
        }
        assertTrue(events.isEmpty(), "nothing ran");
    }
}
