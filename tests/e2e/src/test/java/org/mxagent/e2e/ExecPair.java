package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import org.mxagent.e2e.harness.AgentRuntime;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.mxagent.e2e.harness.Homeserver;
import org.mxagent.e2e.harness.PendingCli;

/**
 * Two runtimes in one workspace (see {@link SharedWorkspace}), ready for remote exec from alice to bob: each sees
 * the other's agent, each trusts the other's key ({@code trust approve}), and bob has a policy.toml written by
 * the test that lets alice's Matrix account run a few commands in {@link #work()}.
 */
final class ExecPair {
    static final List<String> COMMANDS = List.of("sh", "echo", "cat", "sleep", "seq", "head", "true", "false");

    final SharedWorkspace ws;
    final String aliceKey;
    final String bobKey;
    private final Path work;
    private final Homeserver homeserver;

    private ExecPair(Homeserver homeserver, SharedWorkspace ws, String aliceKey, String bobKey, Path work) {
        this.homeserver = homeserver;
        this.ws = ws;
        this.aliceKey = aliceKey;
        this.bobKey = bobKey;
        this.work = work;
    }

    static ExecPair create(E2e e2e) {
        return create(e2e, false);
    }

    /** As {@link #create(E2e)}, in a workspace created with {@code --e2ee on} when {@code e2ee} is set. */
    static ExecPair create(E2e e2e, boolean e2ee) {
        SharedWorkspace ws = SharedWorkspace.create(e2e, e2ee);
        Eventually.await("alice lists bob's agent", () -> ws.alice().jsonCli("agent", "list", "--room", ws.roomId()),
                listing -> SharedWorkspace.agent(listing, ws.bobAgent()).isPresent());
        Eventually.await("bob lists alice's agent", () -> ws.bob().jsonCli("agent", "list", "--room", ws.roomId()),
                listing -> SharedWorkspace.agent(listing, ws.aliceAgent()).isPresent());
        String aliceKey = ws.bob().jsonCli("agent", "show", ws.aliceAgent()).path("signing_key_id").asText();
        String bobKey = ws.alice().jsonCli("agent", "show", ws.bobAgent()).path("signing_key_id").asText();
        ws.alice().cli("trust", "approve", "--agent", ws.bobAgent(), "--key", bobKey).assertSuccess();
        ws.bob().cli("trust", "approve", "--agent", ws.aliceAgent(), "--key", aliceKey).assertSuccess();
        Path work;
        try {
            work = Files.createDirectories(ws.bob().root().resolve("work"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExecPair pair = new ExecPair(e2e.homeserver(), ws, aliceKey, bobKey, work);
        pair.policy("");
        return pair;
    }

    Homeserver homeserver() {
        return homeserver;
    }

    AgentRuntime alice() {
        return ws.alice();
    }

    AgentRuntime bob() {
        return ws.bob();
    }

    String room() {
        return ws.roomId();
    }

    /** Where alice may run commands on bob's machine. */
    Path work() {
        return work;
    }

    /** Writes bob's policy.toml (alice's entry plus {@code extraAgentLines}) and reloads it. */
    void policy(String extraAgentLines) {
        String toml = "[execution]\nenv_allowlist = [\"GREETING\"]\n\n"
                + "[rooms.\"" + room() + "\"]\ntrusted = true\n\n"
                + "[rooms.\"" + room() + "\".agents.\"" + ws.aliceUser().userId() + "\"]\n"
                + "allow_exec = true\n"
                + "allow_commands = [" + String.join(", ", COMMANDS.stream().map(c -> "\"" + c + "\"").toList()) + "]\n"
                + "allow_cwd = [\"" + work + "\"]\n"
                + "deny_args_regex = ['forbidden']\n"
                + "max_runtime_ms = 120000\n"
                + extraAgentLines;
        try {
            Files.writeString(bob().configDir().resolve("policy.toml"), toml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CliResult reloaded = bob().shell("policy:reload").assertSuccess();
        assertTrue(reloaded.stdout().startsWith("OK"), reloaded::toString);
    }

    /** {@code mx-agent exec --room R --agent bob --cwd work [options…] -- argv…}; options end at "--". */
    String[] execArgs(String... optionsThenArgv) {
        List<String> args = new ArrayList<>(List.of("exec", "--room", room(), "--agent", ws.bobAgent(), "--cwd",
                work.toString()));
        args.addAll(Arrays.asList(optionsThenArgv));
        return args.toArray(String[]::new);
    }

    CliResult exec(String... optionsThenArgv) {
        return alice().cli(execArgs(optionsThenArgv));
    }

    PendingCli execAsync(String... optionsThenArgv) {
        return alice().cliAsync(java.util.Map.of(), null, execArgs(optionsThenArgv));
    }

    /** The one invocation alice's runtime is running now (from {@code invocation list}). */
    String liveInvocation() {
        JsonNode live = Eventually.within(Duration.ofSeconds(30)).until("a live exec in alice's runtime",
                () -> alice().jsonCli("invocation", "list", "--room", room()).path("live"),
                list -> StreamSupport.stream(list.spliterator(), false)
                        .anyMatch(entry -> "requester".equals(entry.path("role").asText())
                                && !entry.has("result")));
        return StreamSupport.stream(live.spliterator(), false)
                .filter(entry -> "requester".equals(entry.path("role").asText()) && !entry.has("result"))
                .findFirst().orElseThrow().path("invocation_id").asText();
    }

    /** The {@code invocation.v1} state of an invocation as alice sees it (published by bob). */
    JsonNode publishedState(String invocationId) {
        return alice().jsonCli("invocation", "show", invocationId, "--room", room());
    }
}
