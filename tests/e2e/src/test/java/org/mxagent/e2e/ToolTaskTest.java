package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;

/**
 * Issue 6, tool actions, through the real CLI on two runtimes: alice creates tasks assigned to bob's agent whose
 * action is a tool call ({@code task create --tool}); bob's scheduler claims them and calls the tool on bob's
 * runtime under bob's {@code allow_tools} for alice. A {@code read_file} of a file in bob's allowed directory
 * succeeds with the file's content in the result summary; a tool the policy does not allow fails as
 * {@code policy_denied}; an allowed but unknown tool, and an unknown version, fail as {@code dispatch_failed}
 * saying so; a path outside bob's allowed directories fails as {@code tool_failed}.
 */
class ToolTaskTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void aToolTaskRunsOnTheAssigneesRuntimeWithinItsPolicy() throws Exception {
        ExecPair pair = ExecPair.create(e2e);
        pair.policy("allow_tools = [\"read_file\", \"no_such_tool\"]\n");
        Path file = Files.writeString(pair.work().resolve("notes.txt"), "tool task notes");
        String bob = pair.ws.bobAgent();

        String read = create(pair, "read bob's notes", "read_file", "--arg", "path=" + file);
        JsonNode done = awaitFinal(pair, read);
        assertEquals("succeeded", done.path("state").asText(), done::toString);
        JsonNode result = done.path("result");
        assertEquals("tool_result", result.path("reason").asText(), done::toString);
        assertTrue(result.path("summary").asText().contains("\"content\":\"tool task notes\""), done::toString);
        assertEquals(bob, result.path("completed_by").asText(), "bob's scheduler claimed and ran it: " + done);
        CliResult shown = pair.alice().cli("task", "show", read, "--room", pair.room()).assertSuccess();
        assertTrue(shown.stdout().contains("read_file {\"path\":\"" + file + "\"}"), shown::toString);

        String denied = create(pair, "git status", "git_status", "--arg", "cwd=" + pair.work());
        JsonNode refused = awaitFinal(pair, denied);
        assertEquals("failed", refused.path("state").asText(), refused::toString);
        assertEquals("policy_denied", refused.path("result").path("reason").asText(), refused::toString);

        String unknown = create(pair, "no such tool", "no_such_tool");
        JsonNode missing = awaitFinal(pair, unknown);
        assertEquals("failed", missing.path("state").asText(), missing::toString);
        assertEquals("dispatch_failed", missing.path("result").path("reason").asText(), missing::toString);
        assertTrue(missing.path("result").path("summary").asText().contains("unknown tool no_such_tool"),
                missing::toString);

        String version = create(pair, "unknown version", "read_file@9.9.9", "--arg", "path=" + file);
        JsonNode wrongVersion = awaitFinal(pair, version);
        assertEquals("dispatch_failed", wrongVersion.path("result").path("reason").asText(), wrongVersion::toString);
        assertTrue(wrongVersion.path("result").path("summary").asText().contains("unknown version 9.9.9"),
                wrongVersion::toString);

        String outside = create(pair, "outside", "read_file", "--arg", "path=/etc/hostname");
        JsonNode scoped = awaitFinal(pair, outside);
        assertEquals("failed", scoped.path("state").asText(), scoped::toString);
        assertEquals("tool_failed", scoped.path("result").path("reason").asText(), scoped::toString);
        assertTrue(scoped.path("result").path("summary").asText().contains("outside the allowed paths"),
                scoped::toString);
    }

    /** {@code task create --assign bob --tool TOOL [ARGS…] TITLE} by alice; returns the task id. */
    private static String create(ExecPair pair, String title, String tool, String... toolArgs) {
        List<String> args = new ArrayList<>(List.of("task", "create", "--room", pair.room(), "--assign",
                pair.ws.bobAgent(), "--tool", tool));
        args.addAll(Arrays.asList(toolArgs));
        args.add(title);
        JsonNode created = pair.alice().jsonCli(args.toArray(String[]::new));
        assertEquals("pending", created.path("state").asText(), created::toString);
        assertEquals("tool", created.path("action").path("type").asText(), created::toString);
        return created.path("task_id").asText();
    }

    private static JsonNode awaitFinal(ExecPair pair, String taskId) {
        return Eventually.within(Duration.ofSeconds(90)).every(Duration.ofMillis(500)).until("task " + taskId
                + " ends", () -> pair.alice().jsonCli("task", "show", taskId, "--room", pair.room()),
                task -> List.of("succeeded", "failed", "cancelled").contains(task.path("state").asText()));
    }
}
