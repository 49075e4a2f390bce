package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.mxagent.e2e.harness.AgentRuntime;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;

/**
 * Alice and bob (an {@link ExecPair}: one workspace, mutual key trust) set up for task graphs: both policies let
 * alice's Matrix account (the author and signer of every task here) run {@code sh} and a few commands in one
 * shared directory, so tasks on both runtimes can append to the same file.
 */
final class WorkflowPair {
    final ExecPair pair;
    final Path shared;

    private WorkflowPair(ExecPair pair, Path shared) {
        this.pair = pair;
        this.shared = shared;
    }

    static WorkflowPair create(E2e e2e) {
        return create(e2e, false);
    }

    /** As {@link #create(E2e)}, in a workspace created with {@code --e2ee on} when {@code e2ee} is set. */
    static WorkflowPair create(E2e e2e, boolean e2ee) {
        ExecPair pair = ExecPair.create(e2e, e2ee);
        Path shared;
        try {
            shared = Files.createDirectories(pair.alice().root().resolve("shared"));
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WorkflowPair workflow = new WorkflowPair(pair, shared);
        workflow.policy(pair.alice(), "");
        workflow.policy(pair.bob(), "");
        return workflow;
    }

    AgentRuntime alice() {
        return pair.alice();
    }

    AgentRuntime bob() {
        return pair.bob();
    }

    String room() {
        return pair.room();
    }

    String aliceAgent() {
        return pair.ws.aliceAgent();
    }

    String bobAgent() {
        return pair.ws.bobAgent();
    }

    /** Writes {@code runtime}'s policy.toml for alice's account (plus {@code extraLines}) and reloads it. */
    void policy(AgentRuntime runtime, String extraLines) {
        policy(runtime, List.of("sh", "echo", "true", "false", "sleep"), extraLines);
    }

    /** As {@link #policy(AgentRuntime, String)}, allowing {@code commands}. */
    void policy(AgentRuntime runtime, List<String> commands, String extraLines) {
        String toml = "[rooms.\"" + room() + "\"]\ntrusted = true\n\n"
                + "[rooms.\"" + room() + "\".agents.\"" + pair.ws.aliceUser().userId() + "\"]\n"
                + "allow_exec = true\n"
                + "allow_commands = [" + String.join(", ", commands.stream().map(c -> "\"" + c + "\"").toList())
                + "]\n"
                + "allow_cwd = [\"" + shared + "\"]\n"
                + "max_runtime_ms = 600000\n"
                + extraLines;
        try {
            Files.writeString(runtime.configDir().resolve("policy.toml"), toml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CliResult reloaded = runtime.shell("policy:reload").assertSuccess();
        assertTrue(reloaded.stdout().startsWith("OK"), reloaded::toString);
    }

    /** {@code task create} on alice's runtime for {@code agent}; returns the new task id. */
    String task(String title, String agent, List<String> dependsOn, String... argv) {
        List<String> args = new ArrayList<>(List.of("task", "create", "--room", room(), "--assign", agent,
                "--cwd", shared.toString()));
        for (String dependency : dependsOn) {
            args.add("--depends-on");
            args.add(dependency);
        }
        args.add(title);
        args.add("--");
        args.addAll(Arrays.asList(argv));
        JsonNode created = alice().jsonCli(args.toArray(String[]::new));
        assertEquals("pending", created.path("state").asText(), created::toString);
        return created.path("task_id").asText();
    }

    /** {@code sh -c} that appends "<nanos> <name>" to order.log in the shared directory. */
    static String[] append(String name) {
        return new String[] {"sh", "-c", "echo \"$(date +%s%N) " + name + "\" >> order.log"};
    }

    /** The task as {@code runtime} reads it from the room ({@code task show --json}). */
    JsonNode show(AgentRuntime runtime, String taskId) {
        return runtime.jsonCli("task", "show", taskId, "--room", room());
    }

    /** Waits until the task is in a final state, as alice sees it; returns it. */
    JsonNode awaitFinal(String taskId, Duration timeout) {
        return Eventually.within(timeout).every(Duration.ofMillis(500)).until("task " + taskId + " ends",
                () -> show(alice(), taskId), task -> List.of("succeeded", "failed", "cancelled")
                        .contains(task.path("state").asText()));
    }

    /** Every task of the room from {@code task list --json}. */
    List<JsonNode> tasks() {
        JsonNode listing = alice().jsonCli("task", "list", "--room", room());
        return StreamSupport.stream(listing.path("tasks").spliterator(), false).toList();
    }

    List<String> lines(String file) {
        try {
            Path path = shared.resolve(file);
            return Files.exists(path) ? Files.readAllLines(path, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
