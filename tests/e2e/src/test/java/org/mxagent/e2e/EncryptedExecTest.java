package org.mxagent.e2e;

import static org.mxagent.e2e.PlaintextProbe.marker;
import static org.mxagent.e2e.PlaintextProbe.path;
import static org.mxagent.e2e.PlaintextProbe.rot13;
import static org.mxagent.e2e.PlaintextProbe.sendUndecryptable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.mxagent.e2e.harness.MatrixUser;
import org.mxagent.e2e.harness.PendingCli;

/**
 * Remote exec in a workspace created with {@code --e2ee on}: output streams live, stdin goes through and the exit
 * code passes, while the homeserver stores no plaintext of the command, its input or its output (searched in
 * every text column of Synapse's SQLite database, which does find a plaintext control message), the room's state
 * (which Matrix never encrypts) carries only ids and status, and an event that cannot be decrypted is reported with
 * its reason: in bob's log and {@code crypto:status}, and to alice's live run in that room (a warning on stderr).
 */
class EncryptedExecTest {
    /** Fields {@code invocation.v1} may carry in an encrypted room: ids, status, times, the exit code. */
    private static final Set<String> INVOCATION_STATE_FIELDS = Set.of("invocation_id", "task_id", "requester",
            "target", "state", "created_at", "updated_at", "exit_code", "state_rev", "signature");

    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void anEncryptedExecLeavesNoPlaintextOnTheHomeserver() throws Exception {
        ExecPair pair = ExecPair.create(e2e, true);
        MatrixUser alice = pair.ws.aliceUser();
        JsonNode encryption = pair.homeserver().call("GET", "/_matrix/client/v3/rooms/" + path(pair.room())
                + "/state/m.room.encryption/", alice.accessToken(), null);
        assertEquals("m.megolm.v1.aes-sha2", encryption.path("algorithm").asText(), encryption::toString);

        // Letters only, so that tr can turn one into another: the output and the answer to stdin are computed by
        // the remote shell (rot13) and appear nowhere in the command line or the input.
        String commandMarker = marker("mxcmd");
        String outputMarker = marker("mxout");
        String inputMarker = marker("mxin");
        String script = "c=" + commandMarker + "; for i in 1 2 3; do echo \"$(echo " + rot13(outputMarker)
                + " | tr a-z n-za-m)-$i\"; done; read a; echo \"$a\" | tr a-z n-za-m; exit 7";
        PendingCli exec = pair.alice().cliPiped(pair.execArgs("--", "sh", "-c", script));
        Eventually.await("three output lines at alice while the remote shell waits for input", exec::stdoutSoFar,
                out -> out.contains(outputMarker + "-3"));
        assertTrue(exec.isAlive(), "the CLI still runs: the output streamed before the command ended");
        String invocation = pair.liveInvocation();
        // Into the room while the run waits for input: it precedes the run's last events in room order.
        String unreadable = sendUndecryptable(pair.homeserver(), pair.room(), alice);
        exec.writeStdin(inputMarker + "\n");
        exec.closeStdin();
        CliResult result = exec.await(Duration.ofSeconds(60));
        assertEquals(7, result.exit(), result::toString);
        assertEquals(outputMarker + "-1\n" + outputMarker + "-2\n" + outputMarker + "-3\n" + rot13(inputMarker)
                + "\n", result.stdout(), result::toString);
        assertTrue(result.stderr().contains("could not be decrypted (MISSING_SESSION"),
                () -> "the live run is told of the undecryptable event in its room: " + result);
        assertEquals("failed", Eventually.await("bob publishes invocation.v1 failed",
                () -> pair.publishedState(invocation).path("state").asText(), "failed"::equals));

        JsonNode state = pair.homeserver().call("GET", "/_matrix/client/v3/rooms/" + path(pair.room()) + "/state",
                alice.accessToken(), null);
        JsonNode invocationState = null;
        for (JsonNode event : state) {
            if ("com.mxagent.invocation.v1".equals(event.path("type").asText())
                    && invocation.equals(event.path("state_key").asText())) {
                invocationState = event.path("content");
            }
        }
        assertTrue(invocationState != null, () -> "invocation.v1 " + invocation + " in the room state: " + state);
        List<String> fields = new ArrayList<>();
        invocationState.fieldNames().forEachRemaining(fields::add);
        assertTrue(INVOCATION_STATE_FIELDS.containsAll(fields), "invocation.v1 carries only ids and status: "
                + invocationState);
        assertEquals(7, invocationState.path("exit_code").asInt(), invocationState::toString);

        JsonNode timeline = pair.homeserver().call("GET", "/_matrix/client/v3/rooms/" + path(pair.room())
                + "/messages?dir=b&limit=200", alice.accessToken(), null).path("chunk");
        long encrypted = 0;
        for (JsonNode event : timeline) {
            String type = event.path("type").asText();
            assertFalse(type.startsWith("com.mxagent.exec.") || type.startsWith("com.mxagent.stream."),
                    () -> "an exec event in the clear: " + event);
            encrypted += "m.room.encrypted".equals(type) ? 1 : 0;
        }
        // request, accepted, stdin, chunks, finished and heartbeats: all of them as m.room.encrypted
        assertTrue(encrypted >= 4, "the exec's events are m.room.encrypted on the server: " + encrypted);

        String control = marker("mxcontrol");
        String plainRoom = pair.homeserver().createRoom(alice, "plaintext control");
        pair.homeserver().sendText(alice, plainRoom, control);

        List<String> secrets = List.of(commandMarker, outputMarker, inputMarker, rot13(inputMarker));
        for (String secret : secrets) {
            assertFalse(state.toString().contains(secret), () -> secret + " in the room state: " + state);
        }
        try (SynapseDatabase database = new SynapseDatabase()) {
            Map<String, Integer> controlHits = database.columnsContaining(control);
            assertTrue(controlHits.containsKey("event_json.json"), () -> "the search finds the plaintext control "
                    + control + " in " + database.file() + ": " + controlHits);
            Map<String, Integer> invocationHits = database.columnsContaining(invocation);
            assertFalse(invocationHits.isEmpty(), "the invocation's state is in this database");
            for (String secret : secrets) {
                Map<String, Integer> hits = database.columnsContaining(secret);
                assertTrue(hits.isEmpty(), () -> secret + " stored in plaintext at " + hits);
            }
            System.out.printf("encrypted exec: %d text columns of %s scanned; control found in %s; invocation %s"
                    + " in %s; command, input and output markers found nowhere%n", database.columnsScanned(),
                    database.file(), controlHits.keySet(), invocation, invocationHits.keySet());
        }

        String reported = Eventually.await("bob reports the event he cannot decrypt, with its reason",
                () -> pair.bob().logTail(400), log -> log.contains("undecryptable event " + unreadable));
        String line = reported.lines().filter(l -> l.contains("undecryptable event " + unreadable)).findFirst()
                .orElseThrow();
        assertTrue(line.contains("MISSING_SESSION"), line);
        CliResult status = pair.bob().shell("crypto:status").assertSuccess();
        assertTrue(status.stdout().contains("MISSING_SESSION"), status::toString);
    }

    /**
     * Output past the 256 KiB timeline budget in an encrypted workspace: the artifact is uploaded as an
     * EncryptedFile, the CLI still gets every byte, and what the homeserver holds is neither the log nor zstd.
     */
    @Test
    void outputPastTheBudgetTravelsAsAnEncryptedArtifact() throws Exception {
        ExecPair pair = ExecPair.create(e2e, true);
        String outputMarker = marker("mxbig");
        int lines = 30_000;
        String script = "m=$(echo " + rot13(outputMarker) + " | tr a-z n-za-m); i=0; while [ $i -lt " + lines
                + " ]; do echo \"$m-$i\"; i=$((i+1)); done";
        CliResult result = pair.alice().cli(Map.of(), Duration.ofSeconds(90), pair.execArgs("--", "sh", "-c",
                script));
        assertEquals(0, result.exit(), result::toString);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            expected.append(outputMarker).append('-').append(i).append('\n');
        }
        assertTrue(expected.length() > 256 * 1024, "the output is past the timeline budget");
        assertEquals(expected.length(), result.stdout().length(), result::stderr);
        assertEquals(expected.toString(), result.stdout(), "the CLI's stdout is the whole output");

        String invocation = pair.alice().jsonCli("invocation", "list", "--room", pair.room()).path("invocations")
                .get(0).path("invocation_id").asText();
        JsonNode artifact = pair.alice().jsonCli("invocation", "artifact", invocation, "--stream", "stdout",
                "--output", pair.alice().root().resolve("big.log").toString());
        assertTrue(artifact.path("encrypted").asBoolean(), () -> "an EncryptedFile artifact: " + artifact);
        assertTrue(artifact.path("sha256_verified").asBoolean(), artifact::toString);
        assertEquals(expected.toString(), java.nio.file.Files.readString(pair.alice().root().resolve("big.log")));

        String mxc = artifact.path("mxc_uri").asText();
        byte[] stored = pair.homeserver().download(pair.ws.aliceUser(), mxc);
        assertEquals(artifact.path("size_bytes").asLong(), stored.length, "ciphertext is as long as the zstd log");
        assertFalse(stored[0] == (byte) 0x28 && stored[1] == (byte) 0xB5 && stored[2] == (byte) 0x2F
                && stored[3] == (byte) 0xFD, "the homeserver's copy is not a readable zstd frame");
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(outputMarker),
                "no plaintext in the stored media");
        try (SynapseDatabase database = new SynapseDatabase()) {
            Map<String, Integer> hits = database.columnsContaining(outputMarker);
            assertTrue(hits.isEmpty(), () -> "output stored in plaintext at " + hits);
            assertEquals("application/octet-stream null", database.localMedia(mxc.substring(mxc.lastIndexOf('/')
                    + 1)), "the homeserver learns neither the artifact's type nor its name");
        }
    }
}
