package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;

/**
 * Named calls: bob offers the built-in tools (published as {@code tool.v1} and in his {@code agent.v1.tools}),
 * alice calls {@code read_file} within bob's allowed paths; a path outside them, a tool policy does not allow, and
 * an unknown version are refused with their own exit codes.
 */
class ExecCallTest {
    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void aToolOfTheOtherAgentAnswersWithinPolicy() throws IOException {
        ExecPair pair = ExecPair.create(e2e);
        pair.policy("allow_tools = [\"read_file\"]\n");
        Path file = Files.writeString(pair.work().resolve("notes.txt"), "remote notes\n");

        CliResult read = pair.alice().cli("--json", "call", "--tool", "read_file", "--arg", "path=" + file, "--room",
                pair.room(), "--agent", pair.ws.bobAgent());
        assertEquals(0, read.exit(), read::toString);
        JsonNode answer = read.json();
        assertTrue(answer.path("ok").asBoolean(), answer::toString);
        assertEquals("remote notes\n", answer.path("result").path("content").asText(), answer::toString);

        CliResult outside = pair.alice().cli("call", "--tool", "read_file", "--arg", "path=/etc/hostname", "--room",
                pair.room(), "--agent", pair.ws.bobAgent());
        assertEquals(1, outside.exit(), outside::toString);
        assertTrue(outside.stderr().contains("outside the allowed paths"), outside::toString);

        CliResult notAllowed = pair.alice().cli("call", "--tool", "git_status", "--arg", "cwd=" + pair.work(),
                "--room", pair.room(), "--agent", pair.ws.bobAgent());
        assertEquals(160, notAllowed.exit(), notAllowed::toString);

        CliResult unknownVersion = pair.alice().cli("call", "--tool", "read_file@9.9.9", "--arg", "path=" + file,
                "--room", pair.room(), "--agent", pair.ws.bobAgent());
        assertEquals(1, unknownVersion.exit(), unknownVersion::toString);
        assertTrue(unknownVersion.stderr().contains("unknown version 9.9.9"), () -> "never served by another "
                + "version: " + unknownVersion);

        JsonNode published = Eventually.await("bob's agent.v1 advertises read_file@1.0.0",
                () -> pair.alice().jsonCli("agent", "show", pair.ws.bobAgent()).path("tools"),
                tools -> tools.toString().contains("read_file@1.0.0"));
        assertTrue(published.toString().contains("git_status@1.0.0"), published::toString);
        JsonNode toolState = pair.homeserver().call("GET", "/_matrix/client/v3/rooms/" + Forger.segment(pair.room())
                + "/state/com.mxagent.tool.v1/" + Forger.segment("read_file@1.0.0"), pair.ws.aliceUser().accessToken(),
                null);
        assertEquals("read_file", toolState.path("name").asText(), toolState::toString);
        assertTrue(toolState.path("input_schema").isObject(), toolState::toString);
    }
}
