package org.mxagent.workflow.impl.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.TaskState;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.workflow.impl.schedule.TaskBoard;

/** Sealing a task for an encrypted room, and opening it again only when the payload matches. */
class TaskPayloadTest {
    private static final String SECRET = "SECRET-7f3a";

    private static ObjectNode task() throws Exception {
        return ProtocolJson.parseObject("""
                {"task_id":"task_01JA","title":"deploy %1$s","description":"with %1$s","state":"succeeded",
                 "assigned_to":"agt_b","created_by":"agt_a","depends_on":["task_01J0"],"blocks":[],
                 "invocation_id":"inv_01","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:01:00Z",
                 "state_rev":3,"previous_event_id":"$prev","claim_event_id":"$claim",
                 "action":{"type":"exec","command":["echo","%1$s"],"cwd":"/tmp","env":{"K":"%1$s"},
                           "timeout_ms":null,"stream":false,
                           "authorization":{"requesting_agent":"agt_a","target_agent":"agt_b","nonce":"n"}},
                 "result":{"status":"succeeded","completed_by":"agt_b","completed_at":"2026-01-01T00:01:00Z",
                           "invocation_id":"inv_01","action":{"command":["echo","%1$s"]},"reason":"process_exit",
                           "exit_code":0,"summary":"out %1$s","artifact_mxc":null}}
                """.formatted(SECRET));
    }

    @Test
    void hashIsSha256OfTheCanonicalJsonOfThePayload() throws Exception {
        ObjectNode payload = TaskPayload.of(task());
        ObjectNode reordered = ProtocolJson.parseObject(ProtocolJson.write(payload));
        String expected = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(
                org.mxagent.protocol.api.CanonicalJson.toBytes(payload)));
        assertEquals(expected, TaskPayload.sha256(payload));
        assertEquals(TaskPayload.sha256(payload), TaskPayload.sha256(reordered));
        ObjectNode other = payload.deepCopy();
        other.put("title", "deploy something else");
        assertNotEquals(TaskPayload.sha256(payload), TaskPayload.sha256(other));
        assertEquals(3, payload.get("state_rev").asInt());
        assertEquals("task_01JA", payload.get("task_id").asText());
    }

    @Test
    void sealedStateCarriesNoPayloadAndStillDecodes() throws Exception {
        ObjectNode payload = TaskPayload.of(task());
        ObjectNode state = TaskPayload.seal(task(), "$payload", TaskPayload.sha256(payload));
        assertFalse(ProtocolJson.write(state).contains(SECRET), ProtocolJson.write(state));
        assertFalse(state.has("action"));
        assertEquals(TaskPayload.PLACEHOLDER_TITLE, state.get("title").asText());
        assertEquals("succeeded", state.path("result").path("status").asText());
        assertEquals(0, state.path("result").path("exit_code").asInt());
        assertTrue(state.path("result").path("summary").isNull());
        assertEquals("$claim", state.get("claim_event_id").asText());
        TaskState decoded = ProtocolCodec.decode(TaskState.class, state);
        assertEquals(java.util.List.of("task_01J0"), decoded.dependsOn());
        assertTrue(decoded.action().isEmpty());
    }

    @Test
    void openPutsThePayloadBackAndKnowsItIsUnchanged() throws Exception {
        ObjectNode payload = TaskPayload.of(task());
        ObjectNode state = TaskPayload.seal(task(), "$payload", TaskPayload.sha256(payload));
        ObjectNode opened = TaskPayload.open(state, payload);
        for (String member : new String[] {"title", "description", "action", "result"}) {
            assertEquals(task().get(member), opened.get(member), member);
        }
        assertTrue(TaskPayload.unchanged(opened));
        opened.put("title", "renamed");
        assertFalse(TaskPayload.unchanged(opened));
    }

    @Test
    void mismatchingPayloadIsRefused() throws Exception {
        ObjectNode payload = TaskPayload.of(task());
        ObjectNode state = TaskPayload.seal(task(), "$payload", TaskPayload.sha256(payload));
        ObjectNode tampered = payload.deepCopy();
        ((ObjectNode) tampered.get("action")).putArray("command").add("rm").add("-rf").add("/");
        var e = assertThrows(TaskPayload.PayloadException.class, () -> TaskPayload.open(state, tampered));
        assertTrue(e.getMessage().startsWith("payload does not match"), e.getMessage());
        ObjectNode otherTask = payload.deepCopy().put("task_id", "task_other");
        assertThrows(TaskPayload.PayloadException.class, () -> TaskPayload.open(state, otherTask));
        ObjectNode newer = payload.deepCopy().put("state_rev", 9);
        ObjectNode newerState = TaskPayload.seal(task(), "$payload", TaskPayload.sha256(newer));
        assertThrows(TaskPayload.PayloadException.class, () -> TaskPayload.open(newerState, newer));
    }

    @Test
    void taskWithoutItsPayloadIsShownButNeverRunnable() throws Exception {
        ObjectNode pending = task().put("state", "pending").putNull("result");
        ObjectNode state = TaskPayload.seal(pending, "$gone", TaskPayload.sha256(TaskPayload.of(pending)));
        ObjectNode marked = TaskPayload.unresolved(state, "payload not decryptable: no key");
        ObjectNode raw = ProtocolJson.newObject();
        raw.put("event_id", "$state").put("type", "com.mxagent.task.v1").put("state_key", "task_01JA")
                .put("sender", "@a:x").set("content", state);
        TaskBoard board = new TaskBoard();
        assertTrue(board.accept(new RoomEvent("!r:x", "$state", "@a:x", "com.mxagent.task.v1", "task_01JA", 0,
                raw), marked));
        TaskBoard.Entry entry = board.get("task_01JA").orElseThrow();
        assertEquals("payload not decryptable: no key", entry.payloadProblem().orElseThrow());
        assertTrue(entry.record().task().action().isEmpty(), "no action: the scheduler has nothing to run");
        assertEquals(1, board.waitingFor("$gone").size());
    }
}
