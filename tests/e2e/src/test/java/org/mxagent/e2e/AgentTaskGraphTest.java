package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.e2e.harness.AgentRuntime;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.E2eEnvironment;
import org.mxagent.e2e.harness.Eventually;

/**
 * Issue 7's two-runtime check: a task graph in which alice's runtime runs the REAL Claude Code CLI (installed by
 * tests/adapters/install-clis) against tests/adapters/fake_anthropic_api.py — a TEST DOUBLE of the paid Anthropic
 * API on loopback — and bob's runtime then runs a dependent task with the shell adapter. Both tasks are
 * {@code {"type":"agent",…}} actions authored and signed by alice, each checked against the executing runtime's
 * exec policy. Both agents advertise their adapters ({@code adapter:claude}, {@code adapter:shell},
 * {@code adapter:codex}) in agent.v1. A second dependent task runs the REAL Codex CLI on bob against
 * tests/adapters/fake_openai_api.py, a TEST DOUBLE of the paid OpenAI Responses API.
 */
@Timeout(240)
class AgentTaskGraphTest {
    private static final String KEY = "test-double-key";
    private static final String ANSWER = "Hello from the fake Anthropic API, via a task graph.";
    private static final String CODEX_ANSWER = "Hello from the fake OpenAI API, via a task graph.";
    private static final Pattern CREATED = Pattern.compile("created (task_\\w+) \\(pending\\)");

    @RegisterExtension
    final E2e e2e = new E2e();

    @TempDir
    Path scratch;
    private Process fakeApi;
    private String baseUrl;
    private Path apiLog;
    private Process fakeOpenAi;
    private String openAiUrl;
    private Path openAiLog;

    @BeforeEach
    void startTheTestDouble() throws IOException {
        apiLog = scratch.resolve("api.log");
        Path script = E2eEnvironment.repoRoot().resolve("tests/adapters/fake_anthropic_api.py");
        fakeApi = new ProcessBuilder("python3", script.toString(), "--key", KEY, "--answer", ANSWER, "--log",
                apiLog.toString(), "--max-seconds", "230").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String first = new BufferedReader(new InputStreamReader(fakeApi.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertTrue(first != null && first.startsWith("PORT "), "the API test double did not start: " + first);
        baseUrl = "http://127.0.0.1:" + first.substring(5).trim();
        openAiLog = scratch.resolve("openai.log");
        fakeOpenAi = new ProcessBuilder("python3", E2eEnvironment.repoRoot().resolve("tests/adapters/fake_openai_api.py")
                .toString(), "--key", KEY, "--answer", CODEX_ANSWER, "--log", openAiLog.toString(), "--max-seconds",
                "230").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String port = new BufferedReader(new InputStreamReader(fakeOpenAi.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertTrue(port != null && port.startsWith("PORT "), "the OpenAI API test double did not start: " + port);
        openAiUrl = "http://127.0.0.1:" + port.substring(5).trim() + "/v1";
    }

    @AfterEach
    void stopTheTestDouble() throws InterruptedException, IOException {
        if (Files.exists(apiLog)) {
            System.out.println("API test double requests:\n" + Files.readString(apiLog));
        }
        fakeApi.destroy();
        fakeOpenAi.destroy();
        assertTrue(fakeApi.waitFor(10, TimeUnit.SECONDS), "the API test double did not stop");
        assertTrue(fakeOpenAi.waitFor(10, TimeUnit.SECONDS), "the OpenAI API test double did not stop");
    }

    @Test
    void claudeOnAliceThenShellOnBob() throws Exception {
        Path claude = claudeBinary();
        Path aliceHome = Files.createDirectories(scratch.resolve("alice-home"));
        SharedWorkspace ws = SharedWorkspace.create(e2e, Map.of("HOME", aliceHome.toString()));
        AgentRuntime alice = ws.alice();
        AgentRuntime bob = ws.bob();
        Eventually.await("bob lists alice's agent", () -> bob.jsonCli("agent", "list", "--room", ws.roomId()),
                listing -> SharedWorkspace.agent(listing, ws.aliceAgent()).isPresent());
        Eventually.await("alice lists bob's agent", () -> alice.jsonCli("agent", "list", "--room", ws.roomId()),
                listing -> SharedWorkspace.agent(listing, ws.bobAgent()).isPresent());
        String aliceKey = bob.jsonCli("agent", "show", ws.aliceAgent()).path("signing_key_id").asText();
        // alice authors both tasks: her own runtime and bob's must trust her key to run them.
        alice.cli("trust", "approve", "--agent", ws.aliceAgent(), "--key", aliceKey).assertSuccess();
        bob.cli("trust", "approve", "--agent", ws.aliceAgent(), "--key", aliceKey).assertSuccess();

        JsonNode before = Eventually.await("alice advertises adapter:shell", () -> alice.jsonCli("agent", "list",
                "--room", ws.roomId(), "--capability", "adapter:shell"),
                listing -> SharedWorkspace.agent(listing, ws.aliceAgent()).isPresent());
        assertFalse(SharedWorkspace.agent(before, ws.aliceAgent()).orElseThrow().path("capabilities").toString()
                .contains("adapter:claude"), "Claude Code is not on the daemon's PATH: not advertised before its "
                        + "binary is configured: " + before);

        Path aliceWork = Files.createDirectories(alice.root().resolve("work"));
        Path bobWork = Files.createDirectories(bob.root().resolve("work"));
        configureClaude(alice, claude, Files.writeString(scratch.resolve("claude-settings.json"),
                "{\"apiKeyHelper\": \"echo " + KEY + "\"}"));
        Path codex = binary("mxagent.codex.binary");
        Path codexHome = codexLogin(codex);
        configure(bob, "org.mxagent.adapter.codex", "codex", codex, Map.of("base.url", openAiUrl, "codex.home",
                codexHome.toString(), "model", "gpt-5"));
        // Each runtime advertises the adapters whose CLI it finds, as agent.v1 capabilities, seen from the other side.
        Eventually.await("bob sees alice's agent advertise adapter:claude", () -> bob.jsonCli("agent", "list",
                "--room", ws.roomId(), "--capability", "adapter:claude"),
                listing -> SharedWorkspace.agent(listing, ws.aliceAgent()).isPresent());
        Eventually.await("alice sees bob's agent advertise adapter:shell and adapter:codex", () -> alice.jsonCli(
                "agent", "list", "--room", ws.roomId(), "--capability", "adapter:shell", "--capability",
                "adapter:codex"),
                listing -> SharedWorkspace.agent(listing, ws.bobAgent()).isPresent());

        policy(alice, ws, aliceWork, List.of(claude.toString()),
                "env_allowlist = [\"ANTHROPIC_BASE_URL\", \"DISABLE_AUTOUPDATER\", "
                        + "\"CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC\"]\n");
        policy(bob, ws, bobWork, List.of("/bin/sh", codex.toString()), "env_allowlist = [\"CODEX_HOME\"]\n");

        String claudeTask = created(alice.shell("adapter:task --room " + ws.roomId() + " --assign "
                + ws.aliceAgent() + " --cwd " + aliceWork + " claude 'Say hello.'"));
        String shellTask = created(alice.shell("adapter:task --room " + ws.roomId() + " --assign " + ws.bobAgent()
                + " --cwd " + bobWork + " --depends-on " + claudeTask
                + " shell 'echo first line; echo shell adapter on bob done'"));

        String codexTask = created(alice.shell("adapter:task --room " + ws.roomId() + " --assign " + ws.bobAgent()
                + " --cwd " + bobWork + " --depends-on " + claudeTask + " codex 'Say hello.'"));
        JsonNode codexDone = Eventually.within(Duration.ofSeconds(150)).every(Duration.ofMillis(500))
                .until("the codex task on bob finished", () -> task(ws, codexTask),
                        t -> t.path("state").asText().matches("succeeded|failed|cancelled"));
        JsonNode shellDone = Eventually.within(Duration.ofSeconds(150)).every(Duration.ofMillis(500))
                .until("the shell task on bob finished", () -> task(ws, shellTask),
                        t -> t.path("state").asText().matches("succeeded|failed|cancelled"));
        JsonNode claudeDone = task(ws, claudeTask);

        assertEquals("succeeded", claudeDone.path("state").asText(), claudeDone::toString);
        JsonNode claudeResult = claudeDone.path("result");
        assertEquals(ANSWER, claudeResult.path("summary").asText(), "Claude's parsed answer: " + claudeDone);
        assertEquals("process_exit", claudeResult.path("reason").asText(), claudeDone::toString);
        assertEquals(0, claudeResult.path("exit_code").asInt(-1), claudeDone::toString);
        assertEquals(ws.aliceAgent(), claudeResult.path("completed_by").asText(), claudeDone::toString);
        assertEquals("agent", claudeResult.path("action").path("type").asText(), claudeDone::toString);

        assertEquals("succeeded", shellDone.path("state").asText(), shellDone::toString);
        JsonNode shellResult = shellDone.path("result");
        assertEquals("shell adapter on bob done", shellResult.path("summary").asText(), shellDone::toString);
        assertEquals(ws.bobAgent(), shellResult.path("completed_by").asText(), shellDone::toString);
        assertTrue(!Instant.parse(shellResult.path("completed_at").asText())
                .isBefore(Instant.parse(claudeResult.path("completed_at").asText())),
                "the dependent task ends after the one it waits for");

        assertEquals("succeeded", codexDone.path("state").asText(), codexDone::toString);
        assertEquals(CODEX_ANSWER, codexDone.path("result").path("summary").asText(), "Codex's parsed answer: "
                + codexDone);
        assertEquals(ws.bobAgent(), codexDone.path("result").path("completed_by").asText(), codexDone::toString);
        assertTrue(Files.readString(openAiLog).contains("\"path\": \"/v1/responses\", \"model\": \"gpt-5\", "
                + "\"stream\": true, \"authorized\": true"), "the real Codex CLI streamed from its test double");

        String log = Files.readString(apiLog);
        assertTrue(log.contains("\"path\": \"/v1/messages\"") && log.contains("\"stream\": true")
                && log.contains("\"authorized\": true"), "the real CLI streamed from the test double: " + log);
        assertTrue(Files.exists(aliceHome.resolve(".claude.json")) || Files.exists(aliceHome.resolve(".claude")),
                "Claude Code ran with alice's private HOME, not the tester's");
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().arguments()
                .map(a -> List.of(a).contains("stream-json")).orElse(false)), "a claude process is left running");
    }

    private static Path claudeBinary() throws IOException {
        return binary("mxagent.claude.binary");
    }

    /** A real agent CLI installed by tests/adapters/install-clis, as its real path (policy matches argv[0]). */
    private static Path binary(String property) throws IOException {
        Path binary = Path.of(System.getProperty(property, property + "-not-configured"));
        assertTrue(Files.isExecutable(binary), "the real agent CLI is not installed at " + binary
                + ": run tests/adapters/install-clis");
        return binary.toRealPath();
    }

    /** {@code codex login --with-api-key} (the real CLI, the test double's key on stdin) into a fresh CODEX_HOME. */
    private Path codexLogin(Path codex) throws IOException, InterruptedException {
        Path codexHome = Files.createDirectories(scratch.resolve("codex-home"));
        ProcessBuilder login = new ProcessBuilder(codex.toString(), "login", "--with-api-key")
                .redirectErrorStream(true);
        login.environment().put("CODEX_HOME", codexHome.toString());
        login.environment().put("HOME", scratch.toString());
        Process process = login.start();
        process.getOutputStream().write((KEY + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "codex login did not end");
        assertEquals(0, process.exitValue(), output);
        return codexHome;
    }

    /** Sets an adapter's configuration through ConfigAdmin in the daemon's Gogo shell; waits for its CLI. */
    private static void configure(AgentRuntime runtime, String pid, String adapter, Path binary,
            Map<String, String> values) {
        StringBuilder puts = new StringBuilder("$p put binary \"" + binary + "\"; ");
        values.forEach((key, value) -> puts.append("$p put ").append(key).append(" \"").append(value).append("\"; "));
        CliResult configured = runtime.shell("cm = $.context service ($.context serviceReference "
                + "org.osgi.service.cm.ConfigurationAdmin); c = $cm getConfiguration " + pid + " \"?\"; "
                + "p = new java.util.Hashtable; " + puts + "$c update $p; ($c properties) get binary").assertSuccess();
        assertEquals(binary.toString(), configured.out(), configured::toString);
        Eventually.await(runtime.name() + "'s " + adapter + " adapter finds the CLI", () -> runtime.shell(
                "adapter:list").out(), out -> out.lines().anyMatch(l -> l.startsWith(adapter)
                        && l.contains(" installed ") && l.contains(binary.toString())));
    }

    /**
     * Points alice's Claude Code adapter (PID org.mxagent.adapter.claude) at the CLI and the test double. DS maps
     * the attribute {@code base_url()} to the property {@code base.url}.
     */
    private void configureClaude(AgentRuntime runtime, Path binary, Path settings) {
        CliResult configured = runtime.shell("cm = $.context service ($.context serviceReference "
                + "org.osgi.service.cm.ConfigurationAdmin); c = $cm getConfiguration org.mxagent.adapter.claude "
                + "\"?\"; p = new java.util.Hashtable; $p put binary \"" + binary + "\"; $p put base.url \""
                + baseUrl + "\"; $p put settings \"" + settings + "\"; $p put model claude-sonnet-4-5; "
                + "$c update $p; ($c properties) get base.url").assertSuccess();
        assertEquals(baseUrl, configured.out(), configured::toString);
        Eventually.await("alice's claude adapter finds the CLI", () -> runtime.shell("adapter:list").out(),
                out -> out.lines().anyMatch(l -> l.startsWith("claude") && l.contains(" installed ")
                        && l.contains(binary.toString())));
    }

    /** The runtime's policy.toml: alice's Matrix account may start {@code command} in {@code work}. */
    private static void policy(AgentRuntime runtime, SharedWorkspace ws, Path work, List<String> commands,
            String execution) {
        String toml = "[execution]\n" + execution + "\n"
                + "[rooms.\"" + ws.roomId() + "\"]\ntrusted = true\n\n"
                + "[rooms.\"" + ws.roomId() + "\".agents.\"" + ws.aliceUser().userId() + "\"]\n"
                + "allow_exec = true\n"
                + "allow_commands = [" + String.join(", ", commands.stream().map(c -> "\"" + c + "\"").toList())
                + "]\n"
                + "allow_cwd = [\"" + work + "\"]\n"
                + "sandbox = \"none\"\nnetwork = \"allow\"\n"
                + "max_runtime_ms = 60000\n";
        try {
            Files.writeString(runtime.configDir().resolve("policy.toml"), toml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CliResult reloaded = runtime.shell("policy:reload").assertSuccess();
        assertTrue(reloaded.stdout().startsWith("OK"), reloaded::toString);
    }

    private static String created(CliResult result) {
        Matcher m = CREATED.matcher(result.assertSuccess().stdout());
        assertTrue(m.find(), result::toString);
        return m.group(1);
    }

    /** task.v1 as the homeserver has it (read over plain HTTP as alice, independent of the code under test). */
    private JsonNode task(SharedWorkspace ws, String taskId) {
        return e2e.homeserver().call("GET", "/_matrix/client/v3/rooms/" + URLEncoder.encode(ws.roomId(),
                StandardCharsets.UTF_8) + "/state/com.mxagent.task.v1/" + taskId, ws.aliceUser().accessToken(),
                null);
    }
}
