package org.mxagent.e2e;

import static org.mxagent.e2e.PlaintextProbe.marker;
import static org.mxagent.e2e.PlaintextProbe.path;
import static org.mxagent.e2e.PlaintextProbe.rot13;
import static org.mxagent.e2e.PlaintextProbe.sendUndecryptable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.Eventually;
import org.mxagent.e2e.harness.MatrixUser;

/**
 * Issues 5 and 6 (protocol "Where we do better" 4): in a workspace created with {@code --e2ee on}, a two-task DAG
 * across alice's and bob's runtimes runs to completion and {@code task show} shows title, command and output, while
 * the homeserver holds none of them: the {@code task.v1} state carries ids, status and the payload's event id and
 * hash, the payload travels as {@code m.room.encrypted}, and Synapse's SQLite database (every text column) contains
 * neither the title's nor the command's marker nor one the command computes into its output (a plaintext control
 * message is found). A task whose payload cannot be decrypted, or does not match its hash, is shown as such and
 * never run.
 */
class EncryptedWorkflowTest {
    private static final String TASK = "com.mxagent.task.v1";

    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void taskPayloadsOfAnEncryptedWorkspaceNeverReachTheHomeserverInTheClear() throws Exception {
        WorkflowPair wf = WorkflowPair.create(e2e, true);
        MatrixUser alice = wf.pair.ws.aliceUser();
        String titleMarker = marker("mxtitle");
        String commandMarker = marker("mxcmd");
        String firstOutput = marker("mxouta");
        String secondOutput = marker("mxoutb");

        String first = wf.task("build " + titleMarker, wf.aliceAgent(), List.of(), computes(commandMarker,
                firstOutput, "first"));
        String second = wf.task("check " + titleMarker, wf.bobAgent(), List.of(first), computes(commandMarker,
                secondOutput, "second"));
        JsonNode firstDone = wf.awaitFinal(first, Duration.ofSeconds(90));
        JsonNode secondDone = wf.awaitFinal(second, Duration.ofSeconds(90));
        assertEquals("succeeded", firstDone.path("state").asText(), firstDone::toString);
        assertEquals("succeeded", secondDone.path("state").asText(), secondDone::toString);
        assertEquals(wf.aliceAgent(), firstDone.path("result").path("completed_by").asText(), firstDone::toString);
        assertEquals(wf.bobAgent(), secondDone.path("result").path("completed_by").asText(), secondDone::toString);
        assertEquals(List.of("first", "second"), wf.lines("order.log").stream().map(l -> l.split(" ")[1]).toList(),
                "the dependency ran first, each once");

        // Both runtimes read the payload back: bob shows the task alice ran, alice the one bob ran.
        String shown = wf.bob().cli("task", "show", first, "--room", wf.room()).assertSuccess().stdout();
        assertTrue(shown.contains("build " + titleMarker), shown);
        assertTrue(shown.contains(commandMarker), () -> "the command is shown: " + shown);
        assertTrue(shown.contains(firstOutput), () -> "the output tail is shown: " + shown);
        assertTrue(shown.contains("encrypted event $"), shown);
        String shownSecond = wf.alice().cli("task", "show", second, "--room", wf.room()).assertSuccess().stdout();
        assertTrue(shownSecond.contains("check " + titleMarker) && shownSecond.contains(secondOutput), shownSecond);

        JsonNode state = wf.pair.homeserver().call("GET", "/_matrix/client/v3/rooms/" + path(wf.room()) + "/state",
                alice.accessToken(), null);
        JsonNode sealed = stateOf(state, first);
        assertEquals("(encrypted)", sealed.path("title").asText(), sealed::toString);
        assertFalse(sealed.has("action"), sealed::toString);
        assertTrue(sealed.path("payload_event_id").asText().startsWith("$"), sealed::toString);
        assertEquals(44, sealed.path("payload_sha256").asText().length(), sealed::toString);
        assertEquals("succeeded", sealed.path("state").asText(), sealed::toString);
        assertEquals(List.of(first), List.of(stateOf(state, second).path("depends_on").path(0).asText()));

        JsonNode timeline = wf.pair.homeserver().call("GET", "/_matrix/client/v3/rooms/" + path(wf.room())
                + "/messages?dir=b&limit=500", alice.accessToken(), null).path("chunk");
        for (JsonNode event : timeline) {
            assertFalse(event.path("type").asText().startsWith("com.mxagent.task.payload"),
                    () -> "a payload in the clear: " + event);
        }

        // A task whose payload event this device cannot decrypt, and one whose payload does not match its hash:
        // listed, shown with the reason, never run.
        String undecryptable = forgeTask(wf, alice, sendUndecryptable(wf.pair.homeserver(), wf.room(), alice), sealed.path("payload_sha256")
                .asText());
        String tampered = forgeTask(wf, alice, sealed.path("payload_event_id").asText(),
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        JsonNode notDecryptable = wf.show(wf.bob(), undecryptable);
        assertTrue(notDecryptable.path("payload_error").asText().startsWith("payload not decryptable: "
                + "MISSING_SESSION"), notDecryptable::toString);
        JsonNode mismatch = wf.show(wf.bob(), tampered);
        assertTrue(mismatch.path("payload_error").asText().startsWith("payload does not match"),
                mismatch::toString);
        String showText = wf.bob().cli("task", "show", undecryptable, "--room", wf.room()).assertSuccess().stdout();
        assertTrue(showText.contains("payload not decryptable") && showText.contains("never run"), showText);
        Eventually.await("bob's scheduler refuses both", () -> wf.bob().logTail(600),
                log -> log.contains("task " + undecryptable + " not runnable for " + wf.bobAgent()
                        + ": payload not decryptable") && log.contains("task " + tampered + " not runnable for "
                        + wf.bobAgent() + ": payload does not match"));
        assertEquals("pending", wf.show(wf.alice(), undecryptable).path("state").asText());
        assertEquals("pending", wf.show(wf.alice(), tampered).path("state").asText());

        String control = marker("mxcontrol");
        String plainRoom = wf.pair.homeserver().createRoom(alice, "plaintext control");
        wf.pair.homeserver().sendText(alice, plainRoom, control);
        List<String> secrets = List.of(titleMarker, commandMarker, firstOutput, secondOutput);
        JsonNode finalState = wf.pair.homeserver().call("GET", "/_matrix/client/v3/rooms/" + path(wf.room())
                + "/state", alice.accessToken(), null);
        for (String secret : secrets) {
            assertFalse(finalState.toString().contains(secret), () -> secret + " in the room state: " + finalState);
        }
        try (SynapseDatabase database = new SynapseDatabase()) {
            Map<String, Integer> controlHits = database.columnsContaining(control);
            assertTrue(controlHits.containsKey("event_json.json"), () -> "the search finds the plaintext control "
                    + control + " in " + database.file() + ": " + controlHits);
            Map<String, Integer> taskHits = database.columnsContaining(first);
            assertFalse(taskHits.isEmpty(), "the task's state (its id) is in this database");
            for (String secret : secrets) {
                Map<String, Integer> hits = database.columnsContaining(secret);
                assertTrue(hits.isEmpty(), () -> secret + " stored in plaintext at " + hits);
            }
            System.out.printf("encrypted workflow: %d text columns of %s scanned; control found in %s; task %s in "
                    + "%s; title, command and output markers found nowhere%n", database.columnsScanned(),
                    database.file(), controlHits.keySet(), first, taskHits.keySet());
        }
    }

    /** {@code sh -c} that appends its name to order.log and prints {@code output}, computed (rot13) by the shell. */
    private static String[] computes(String commandMarker, String output, String name) {
        return new String[] {"sh", "-c", "c=" + commandMarker + "; echo \"$(date +%s%N) " + name
                + "\" >> order.log; echo \"$(echo " + rot13(output) + " | tr a-z n-za-m)\""};
    }

    private static JsonNode stateOf(JsonNode state, String taskId) {
        for (JsonNode event : state) {
            if (TASK.equals(event.path("type").asText()) && taskId.equals(event.path("state_key").asText())) {
                return event.path("content");
            }
        }
        throw new AssertionError("no task.v1 " + taskId + " in " + state);
    }

    /** A sealed task.v1 for bob put straight into the room state by alice's account (she may write task state). */
    private static String forgeTask(WorkflowPair wf, MatrixUser alice, String payloadEventId, String sha256) {
        String taskId = "task_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26).toUpperCase(
                Locale.ROOT);
        ObjectNode content = new ObjectMapper().createObjectNode().put("task_id", taskId).put("title", "(encrypted)")
                .putNull("description").put("state", "pending").put("assigned_to", wf.bobAgent())
                .put("created_by", wf.aliceAgent());
        content.putArray("depends_on");
        content.putArray("blocks");
        content.putNull("invocation_id").put("created_at", "2026-01-01T00:00:00Z")
                .put("updated_at", "2026-01-01T00:00:00Z").put("state_rev", 0).putNull("previous_event_id")
                .putNull("result").put("payload_event_id", payloadEventId).put("payload_sha256", sha256);
        wf.pair.homeserver().call("PUT", "/_matrix/client/v3/rooms/" + path(wf.room()) + "/state/" + TASK + "/"
                + taskId, alice.accessToken(), content);
        return taskId;
    }
}
