package org.mxagent.adapter.aider.impl;

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
 * The REAL Aider (aider-chat from PyPI, installed by tests/adapters/install-clis) driven by the adapter through the
 * real runner and LocalExec, talking to tests/adapters/fake_openai_api.py — a TEST DOUBLE of the paid OpenAI Chat
 * Completions API on loopback. Fails (does not skip) when Aider is missing.
 */
@Timeout(120)
class AiderCliEndToEndTest {
    private static final String ANSWER = "Hello from the fake OpenAI API.";
    private static final String KEY = "test-double-key";
    private static final List<String> ENV = List.of("LITELLM_LOCAL_MODEL_COST_MAP");
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
        binary = Path.of(System.getProperty("mxagent.aider.binary", "aider-binary-not-configured"));
        assertTrue(Files.isExecutable(binary), "Aider is not installed at " + binary
                + ": run tests/adapters/install-clis (pip install of aider-chat into ~/.cache/mx-agent/aider-venv)");
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
                    .map(a -> List.of(a).contains("--message-file")).orElse(false)), "an aider process is left running");
        } finally {
            exec.close();
            fakeApi.destroy();
            assertTrue(fakeApi.waitFor(10, TimeUnit.SECONDS), "the fake API did not stop");
        }
    }

    private AiderAdapter adapter(Map<String, Object> config) {
        return new AiderAdapter(Configs.aider(config), RealLocalExec.PATH);
    }

    private RunOutcome run(AiderAdapter adapter) throws Exception {
        try (TestRunners.Runner runner = TestRunners.runner(exec.exec(), TestRunners.allowance(90_000, ENV),
                adapter)) {
            Path work = Files.createDirectories(temp.resolve("work"));
            return runner.startLocal("aider", AgentWork.of("inv_aider_" + System.nanoTime(), "Say hello.", work),
                    events::add).onFinished().toCompletableFuture().get(100, TimeUnit.SECONDS);
        }
    }

    /** An Aider config file with the test double's key: how a user gives Aider credentials here. */
    private Path configWithKey() throws Exception {
        return Files.writeString(temp.resolve("aider.conf.yml"), "openai-api-key: " + KEY + "\n");
    }

    @Test
    void realAiderAnswersThroughTheFakeApiAndItsOutputIsParsed() throws Exception {
        AiderAdapter adapter = adapter(Map.of("binary", binary.toString(), "base_url", baseUrl,
                "config_file", configWithKey().toString(), "model", "openai/gpt-4o"));
        Detection detection = adapter.detect();
        assertTrue(detection.installed(), detection.toString());
        assertTrue(detection.version().orElse("").matches("\\d+\\.\\d+\\.\\d+.*"), detection.toString());
        System.out.println("Aider version under test: " + detection.version().get());

        RunOutcome outcome = run(adapter);

        assertTrue(outcome.succeeded(), outcome + "\n" + events);
        assertEquals(ANSWER, outcome.terminal().text());
        assertTrue(events.stream().anyMatch(e -> e.kind() == Progress.Kind.STATUS
                && e.text().startsWith("Aider v" + detection.version().get())), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.kind() == Progress.Kind.MESSAGE && e.text().equals(ANSWER)),
                events.toString());
        Progress.Usage usage = outcome.usage().orElseThrow(); // Aider's own (rounded) count of what it sent
        assertTrue(usage.inputTokens() > 0 && usage.outputTokens() > 0, usage.toString());
        assertEquals(0, outcome.exit().exitCode().getAsInt());
        String log = Files.readString(apiLog);
        assertTrue(log.contains("\"method\": \"POST\", \"path\": \"/v1/chat/completions\", \"model\": "
                + "\"gpt-4o\", \"stream\": true, \"authorized\": true"), "Aider streamed from the test double: " + log);
    }

    @Test
    void withoutCredentialsTheUserIsToldHowToLogIn() throws Exception {
        RunOutcome outcome = run(adapter(Map.of("binary", binary.toString(), "base_url", baseUrl,
                "model", "openai/gpt-4o")));
        assertFalse(outcome.succeeded());
        assertEquals(Progress.Kind.ERROR, outcome.terminal().kind());
        assertTrue(outcome.terminal().text().contains(AiderOutputParser.NO_CREDENTIALS_HINT),
                outcome.terminal().text());
        assertTrue(outcome.terminal().text().contains("AuthenticationError"), outcome.terminal().text());
        assertFalse(Files.exists(apiLog) && Files.readString(apiLog).contains("\"authorized\": true"),
                "no authorized call without credentials");
    }

    @Test
    void missingCliIsAClearActionableError() {
        AiderAdapter adapter = adapter(Map.of("binary", temp.resolve("no-such/aider").toString()));
        Detection detection = adapter.detect();
        assertFalse(detection.installed());
        assertTrue(detection.problem().orElse("").contains("pip install aider-chat"), detection.toString());
        try (TestRunners.Runner runner = TestRunners.runner(exec.exec(), TestRunners.allowance(90_000, ENV),
                adapter)) {
            AdapterException e = assertThrows(AdapterException.class, () -> runner.startLocal("aider",
                    AgentWork.of("inv_missing", "hi", temp), events::add));
            assertEquals(AdapterException.Reason.NOT_INSTALLED, e.reason());
            assertTrue(e.getMessage().contains("Aider not found"), e.getMessage());
        }
        assertTrue(events.isEmpty(), "nothing ran");
    }
}
