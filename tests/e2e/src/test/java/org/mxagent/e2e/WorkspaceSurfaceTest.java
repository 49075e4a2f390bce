package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.AgentRuntime;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.mxagent.e2e.harness.PendingCli;

/**
 * Issue 3, the rest of the command surface, through the CLI of two runtimes: alice attaches a git checkout
 * ({@code workspace attach}: path, remote without credentials, branch, commit) and bob's {@code workspace status}
 * shows it; alice lists bob's tools ({@code agent tools}); alice shares {@code git diff --stat} and
 * {@code --name-only} ({@code share diff --format}) and bob fetches the same text git prints; alice publishes her
 * trust records ({@code trust publish}) and bob reads them as advice ({@code trust state}) without trusting
 * anything; last, alice's {@code workspace status --watch} prints bob's agent going offline and a new one
 * appearing, and ends when its standard input does.
 */
class WorkspaceSurfaceTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void attachToolsDiffFormatsTrustAdviceAndWatch() throws Exception {
        long started = System.nanoTime();
        SharedWorkspace ws = SharedWorkspace.create(e2e);
        phase("two runtimes in one workspace", started);
        AgentRuntime alice = ws.alice();
        AgentRuntime bob = ws.bob();

        // workspace attach: alice's checkout, with a token in the remote URL that must not reach the room.
        Path repo = alice.root().resolve("proj");
        Files.createDirectories(repo);
        git(repo, "init", "-q", "-b", "main");
        git(repo, "remote", "add", "origin", "https://alice:t0ken@git.example.org/team/proj.git");
        Files.writeString(repo.resolve("a.txt"), "one\ntwo\n");
        Files.writeString(repo.resolve("b.txt"), "keep\n");
        git(repo, "add", "a.txt", "b.txt");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first");
        String head = git(repo, "rev-parse", "HEAD");
        JsonNode attached = alice.jsonCli("workspace", "attach", "--room", ws.roomId(), "--path", repo.toString(),
                "--project-id", "surface");
        JsonNode workspace = attached.path("workspace");
        assertEquals("surface", workspace.path("project_id").asText(), attached::toString);
        assertEquals(repo.toString(), workspace.path("path").asText(), attached::toString);
        assertEquals("https://git.example.org/team/proj.git", workspace.path("repo").path("remote_url").asText(),
                attached::toString);
        assertEquals("main", workspace.path("repo").path("branch").asText(), attached::toString);
        assertEquals(head, workspace.path("repo").path("commit").asText(), attached::toString);
        assertEquals(ws.aliceUser().userId(), workspace.path("attached_by").asText(), attached::toString);
        assertEquals(1, workspace.path("state_rev").asLong(), "workspace create published rev 0: " + attached);
        assertFalse(attached.toString().contains("t0ken"), attached::toString);

        JsonNode seen = Eventually.await("bob's workspace status showing alice's checkout",
                () -> bob.jsonCli("workspace", "status", "--room", ws.alias()),
                status -> head.equals(status.path("workspace").path("repo").path("commit").asText()));
        assertEquals("surface", seen.path("workspace").path("project_id").asText(), seen::toString);
        assertTrue(seen.path("tasks").isObject(), seen::toString);
        CliResult statusText = bob.cli("workspace", "status", "--room", ws.roomId()).assertSuccess();
        assertTrue(statusText.out().contains("project surface, path " + repo), statusText::toString);
        assertTrue(statusText.out().contains("https://git.example.org/team/proj.git, branch main, commit "
                + head.substring(0, 12)), statusText::toString);

        phase("attach and status", started);
        // agent tools: bob's agent from alice's side; pytest@8.0 is only advertised, read_file is a built-in
        // tool his runtime offers and describes in tool.v1.
        JsonNode tools = Eventually.within(Duration.ofSeconds(60)).until("alice listing bob's tools with read_file",
                () -> alice.jsonCli("agent", "tools", "--room", ws.roomId(), "--agent", ws.bobAgent()),
                t -> tool(t, "read_file@1.0.0").map(x -> x.path("published").asBoolean()).orElse(false));
        assertEquals(1, tools.path("agents").size(), tools::toString);
        JsonNode readFile = tool(tools, "read_file@1.0.0").orElseThrow();
        assertTrue(readFile.path("input_summary").asText().contains("path"), readFile::toString);
        assertTrue(readFile.path("input_schema").isObject(), readFile::toString);
        assertFalse(readFile.path("description").asText().isEmpty(), readFile::toString);
        JsonNode pytest = tool(tools, "pytest@8.0").orElseThrow(() -> new AssertionError(tools.toString()));
        assertFalse(pytest.path("published").asBoolean(), pytest::toString);
        CliResult toolTable = alice.cli("agent", "tools", "--agent", ws.bobAgent()).assertSuccess();
        assertTrue(toolTable.stdoutLines().get(0).startsWith("AGENT"), toolTable::toString);
        assertTrue(toolTable.out().contains("pytest@8.0"), toolTable::toString);
        alice.cli("agent", "tools", "--room", ws.roomId(), "--agent", "agt_01HZY3M6W8K9Q2R4T5V7X9Z1ZZ").assertExit(3);
        CliResult gogoTools = alice.shell("agent:tools --agent " + ws.bobAgent() + " '" + ws.roomId() + "'")
                .assertSuccess();
        assertTrue(gogoTools.out().contains(ws.bobAgent() + "  read_file@1.0.0  (") && gogoTools.out().contains(
                "path:string"), gogoTools::toString);

        phase("agent tools", started);
        // share diff --format: alice shares summaries of her change, bob fetches exactly what git prints.
        Files.writeString(repo.resolve("a.txt"), "one\nTWO\nthree\n");
        for (String format : List.of("stat", "name-only")) {
            JsonNode receipt = alice.jsonCli("share", "diff", "--room", ws.roomId(), "--path", repo.toString(),
                    "--base", "HEAD", "--format", format);
            assertEquals("text/plain", receipt.path("mime_type").asText(), receipt::toString);
            String contextId = receipt.path("context_id").asText();
            CliResult fetched = Eventually.await("bob fetching the " + format + " share",
                    () -> bob.cli("share", "get", contextId, "--room", ws.roomId()).assertSuccess(), r -> true);
            assertEquals(git(repo, "diff", "--" + format, "HEAD") + "\n", fetched.stdout(), fetched::toString);
        }

        phase("share diff formats", started);
        // trust publish / trust state: advice only; bob's own trust store is not touched.
        String bobKey = alice.jsonCli("agent", "show", ws.bobAgent()).path("signing_key_id").asText();
        alice.cli("trust", "approve", "--agent", ws.bobAgent(), "--key", bobKey).assertSuccess();
        JsonNode published = alice.jsonCli("trust", "publish", "--room", ws.roomId());
        assertEquals(1, published.path("published").size(), published::toString);
        assertEquals(ws.bobAgent() + "|" + bobKey, published.path("published").get(0).path("state_key").asText());
        JsonNode advice = Eventually.await("bob reading alice's trust.v1 advice",
                () -> bob.jsonCli("trust", "state", "--room", ws.alias()), a -> a.path("entries").size() == 1);
        JsonNode entry = advice.path("entries").get(0);
        assertTrue(advice.path("advisory").asBoolean(), advice::toString);
        assertEquals(ws.bobAgent(), entry.path("agent_id").asText(), advice::toString);
        assertEquals(bobKey, entry.path("key_id").asText(), advice::toString);
        assertEquals("trusted", entry.path("status").asText(), advice::toString);
        assertEquals(ws.aliceUser().userId(), entry.path("sender").asText(), advice::toString);
        assertEquals(ws.aliceUser().userId(), entry.path("trusted_by").asText(), advice::toString);
        assertEquals("none", entry.path("local").asText(), "bob's runtime holds no record of it: " + advice);
        CliResult adviceText = bob.cli("trust", "state", "--room", ws.roomId()).assertSuccess();
        assertTrue(adviceText.out().startsWith("ADVISORY trust.v1 state of " + ws.roomId()), adviceText::toString);
        assertEquals(0, bob.jsonCli("trust", "list").path("entries").size(), "advice never becomes trust");
        CliResult gogoAdvice = bob.shell("trust:state '" + ws.roomId() + "'").assertSuccess();
        assertTrue(gogoAdvice.out().contains(ws.bobAgent() + "|" + bobKey + "  trusted  by " + ws.aliceUser().userId()
                + "  local: none"), gogoAdvice::toString);
        CliResult gogoAttach = alice.shell("mx:workspace-attach --project-id gogo '" + ws.roomId() + "' " + repo)
                .assertSuccess();
        assertTrue(gogoAttach.out().contains("\"state_rev\":2") && gogoAttach.out().contains("\"project_id\":\"gogo\""),
                gogoAttach::toString);

        phase("trust publish and state", started);
        // workspace status --watch: bob's agent goes away, a new one appears; the end of stdin ends the watch.
        PendingCli watch = alice.cliPiped("workspace", "status", "--room", ws.roomId(), "--watch");
        Eventually.await("the watch printing the status", watch::stdoutSoFar,
                out -> out.contains("watching for changes") && out.contains(ws.bobAgent()));
        bob.cli("agent", "unregister", ws.bobAgent()).assertSuccess();
        long unregistered = System.nanoTime();
        Eventually.await("the watch seeing bob's agent go offline", watch::stdoutSoFar,
                out -> out.contains("agent " + ws.bobAgent() + " status online -> offline")
                        && out.contains("agent " + ws.bobAgent() + " liveness active -> offline"));
        System.out.printf("workspace status --watch printed bob's unregister %d ms after it returned "
                + "(observed with Eventually's 200 ms polling)%n", (System.nanoTime() - unregistered) / 1_000_000);
        String newAgent = bob.jsonCli("agent", "register", "--room", ws.roomId(), "--capability", "shell")
                .path("agent_id").asText();
        Eventually.await("the watch seeing bob's new agent appear", watch::stdoutSoFar,
                out -> out.contains("agent " + newAgent + " appeared: active"));
        assertTrue(watch.isAlive(), "the watch keeps going while its input is open");
        watch.closeStdin();
        CliResult watched = watch.await(Duration.ofSeconds(30));
        watched.assertSuccess();
        phase("watch", started);
    }

    private static void phase(String what, long startedNanos) {
        System.out.printf("WorkspaceSurfaceTest: %s done at %d ms%n", what, (System.nanoTime() - startedNanos)
                / 1_000_000);
    }

    private static Optional<JsonNode> tool(JsonNode tools, String key) {
        return StreamSupport.stream(tools.path("agents").spliterator(), false)
                .flatMap(agent -> StreamSupport.stream(agent.path("tools").spliterator(), false))
                .filter(tool -> key.equals(tool.path("tool").asText())).findFirst();
    }

    /** Runs git in {@code dir}; its stdout without the final newline. */
    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command));
        return out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
    }
}
