package org.mxagent.adapter.claude.impl;

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
 * The REAL Claude Code CLI (installed by tests/adapters/install-clis) driven by the adapter through the real runner
 * and LocalExec, talking to tests/adapters/fake_anthropic_api.py — a TEST DOUBLE of the paid Anthropic API on
 * loopback. Fails (does not skip) when the CLI is missing.
 */
@Timeout(120)
class ClaudeCliEndToEndTest {
    private static final String ANSWER = "Hello from the fake Anthropic API.";
    private static final String KEY = "test-double-key";
    private static final List<String> ENV = List.of("ANTHROPIC_BASE_URL", "DISABLE_AUTOUPDATER",
            "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC");
    @TempDir
    Path temp;
    private Path binary;
    private Process fakeApi;
    private String baseUrl;
    private Path apiLog;
    private RealLocalExec exec;
    private final List<Progress> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        binary = Path.of(System.getProperty("mxagent.claude.binary", "claude-binary-not-configured"));
        assertTrue(Files.isExecutable(binary), "the real Claude Code CLI is not installed at " + binary
                + ": run tests/adapters/install-clis (npm install of @anthropic-ai/claude-code into "
                + "~/.cache/mx-agent/npm)");
        apiLog = temp.resolve("api.log");
        fakeApi = new ProcessBuilder("python3", System.getProperty("mxagent.fake.anthropic"), "--key", KEY,
                "--answer", ANSWER, "--log", apiLog.toString(), "--max-seconds", "110")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String first = new BufferedReader(new InputStreamReader(fakeApi.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertTrue(first != null && first.startsWith("PORT "), "fake API did not start: " + first);
        baseUrl = "http://127.0.0.1:" + first.substring(5).trim();
        Path home = Files.createDirectories(temp.resolve("home"));
        // The runtime's own environment as LocalExec inherits it: a private HOME so no real login is used.
        exec = new RealLocalExec(temp.resolve("spool"), Map.of("PATH", RealLocalExec.PATH, "HOME", home.toString()));
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            assertEquals(0, exec.running(), "no run may be left going");
            assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().command()
                    .map(c -> c.contains("claude")).orElse(false) && p.info().arguments()
                    .map(a -> List.of(a).contains("stream-json")).orElse(false)), "a claude process is left running");
        } finally {
            exec.close();
            fakeApi.destroy();
            assertTrue(fakeApi.waitFor(10, TimeUnit.SECONDS), "the fake API did not stop");
        }
    }

    private ClaudeAdapter adapter(Map<String, Object> config) {
        return new ClaudeAdapter(Configs.claude(config), RealLocalExec.PATH);
    }

    private RunOutcome run(ClaudeAdapter adapter) throws Exception {
        try (TestRunners.Runner runner = TestRunners.runner(exec.exec(), TestRunners.allowance(90_000, ENV),
                adapter)) {
            Path work = Files.createDirectories(temp.resolve("work"));
            return runner.startLocal("claude", AgentWork.of("inv_claude_" + System.nanoTime(), "Say hello.", work),
                    events::add).onFinished().toCompletableFuture().get(100, TimeUnit.SECONDS);
        }
    }

    @Test
    void realCliAnswersThroughTheFakeApiAndItsStreamJsonIsParsed() throws Exception {
        Path settings = Files.writeString(temp.resolve("settings.json"),
                "{\"apiKeyHelper\": \"echo " + KEY + "\"}");
        ClaudeAdapter adapter = adapter(Map.of("binary", binary.toString(), "base_url", baseUrl,
                "settings", settings.toString(), "model", "claude-sonnet-4-5"));
        Detection detection = adapter.detect();
        assertTrue(detection.installed(), detection.toString());
        assertTrue(detection.version().orElse("").matches("\\d+\\.\\d+\\.\\d+.*"), detection.toString());
        System.out.println("Claude Code version under test: " + detection.version().get());

        RunOutcome outcome = run(adapter);

        assertTrue(outcome.succeeded(), outcome + "\n" + events);
        assertEquals(ANSWER, outcome.terminal().text());
        Progress init = events.get(0);
        assertEquals(Progress.Kind.STATUS, init.kind(), events.toString());
        assertEquals(detection.version().get(), init.details().get("claude_code_version"));
        assertEquals("claude-sonnet-4-5", init.details().get("model"));
        assertEquals("apiKeyHelper", init.details().get("api_key_source"));
        assertTrue(events.stream().anyMatch(e -> e.kind() == Progress.Kind.MESSAGE && e.text().equals(ANSWER)),
                events.toString());
        Progress.Usage usage = outcome.usage().orElseThrow();
        assertEquals(11, usage.inputTokens());
        assertEquals(7, usage.outputTokens());
        assertTrue(usage.costUsd().isPresent());
        String log = Files.readString(apiLog);
        assertTrue(log.contains("\"path\": \"/v1/messages\"") && log.contains("\"stream\": true")
                && log.contains("\"authorized\": true"), "the CLI streamed from the test double: " + log);
    }

    @Test
    void withoutCredentialsTheUserIsToldHowToLogIn() throws Exception {
        RunOutcome outcome = run(adapter(Map.of("binary", binary.toString(), "base_url", baseUrl)));
        assertFalse(outcome.succeeded());
        assertEquals(Progress.Kind.ERROR, outcome.terminal().kind());
        assertTrue(outcome.terminal().text().contains(ClaudeStreamParser.NO_CREDENTIALS_HINT),
                outcome.terminal().text());
        assertTrue(outcome.terminal().text().contains("Not logged in"), outcome.terminal().text());
        assertFalse(Files.exists(apiLog) && Files.readString(apiLog).contains("\"authorized\": true"),
                "no authorized call without credentials");
    }

    @Test
    void missingCliIsAClearActionableError() {
        ClaudeAdapter adapter = adapter(Map.of("binary", temp.resolve("no-such/claude").toString()));
        Detection detection = adapter.detect();
        assertFalse(detection.installed());
        assertTrue(detection.problem().orElse("").contains("npm install -g @anthropic-ai/claude-code"),
                detection.toString());
        try (TestRunners.Runner runner = TestRunners.runner(exec.exec(), TestRunners.allowance(90_000, ENV),
                adapter)) {
            AdapterException e = assertThrows(AdapterException.class, () -> runner.startLocal("claude",
                    AgentWork.of("inv_missing", "hi", temp), events::add));
            assertEquals(AdapterException.Reason.NOT_INSTALLED, e.reason());
            assertTrue(e.getMessage().contains("Claude Code CLI not found"), e.getMessage());
        }
        assertTrue(events.isEmpty(), "nothing ran");
    }
}
