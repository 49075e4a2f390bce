package org.mxagent.protocol.api.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.Vectors;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ExecAction;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.TaskState;
import org.mxagent.protocol.api.sign.Verification.Status;

class TaskActionSignerTest {
    private static final SigningKey KEY = SigningKey.fromSeed(Vectors.RFC8032_SEED);
    private static final JsonNode VECTOR = Vectors.load("signed-task-action.json");
    private static final String TASK_ID = VECTOR.get("task_id").asText();
    private static final ObjectNode AUTHORIZED = (ObjectNode) VECTOR.get("authorized_action");

    @Test
    void eachSignedAuthorizationFieldIsCovered() {
        for (String field : TaskActionSigner.SIGNED_FIELDS) {
            ObjectNode tampered = AUTHORIZED.deepCopy();
            ((ObjectNode) tampered.get("authorization")).put(field, "changed");
            assertEquals(Status.INVALID_SIGNATURE, verify(TASK_ID, tampered).status(), field);
        }
    }

    @Test
    void taskIdAndActionAreCovered() {
        assertEquals(Status.INVALID_SIGNATURE, verify("task_01JC5Z9A0B1C2D3E4F5G6H7J8M", AUTHORIZED).status());
        ObjectNode longer = AUTHORIZED.deepCopy();
        longer.put("timeout_ms", 1000);
        assertEquals(Status.INVALID_SIGNATURE, verify(TASK_ID, longer).status(), "timeout_ms null → 1000");
        ObjectNode extra = AUTHORIZED.deepCopy();
        extra.put("x_note", "unknown action member");
        assertEquals(Status.INVALID_SIGNATURE, verify(TASK_ID, extra).status(), "unknown action members are signed");
    }

    @Test
    void unknownAuthorizationMembersAreNotSigned() {
        ObjectNode withExtra = AUTHORIZED.deepCopy();
        ((ObjectNode) withExtra.get("authorization")).put("x_hint", "not part of the signed five");
        assertEquals(Status.VALID, verify(TASK_ID, withExtra).status());
    }

    @Test
    void missingAuthorizationIsUnsignedAndBrokenOnesAreMalformed() {
        ObjectNode bare = AUTHORIZED.deepCopy();
        bare.remove("authorization");
        assertEquals(Status.UNSIGNED, verify(TASK_ID, bare).status());
        ObjectNode noNonce = AUTHORIZED.deepCopy();
        ((ObjectNode) noNonce.get("authorization")).remove("nonce");
        assertEquals(Status.MALFORMED, verify(TASK_ID, noNonce).status());
        assertThrows(IllegalArgumentException.class, () -> TaskActionSigner.signingBytes(TASK_ID, bare));
    }

    @Test
    void authorizesATypedActionForADay() throws Exception {
        Instant now = Instant.parse("2026-03-01T12:00:00.600Z");
        ExecAction action = new ExecAction(List.of("make"), null, Map.of(), null, true, Optional.empty(), Map.of());
        ObjectNode actionJson = (ObjectNode) ProtocolCodec.encode(task(action)).get("action");
        TaskAuthorization terms = TaskAuthorization.issue("agt_01JC5Z5A1B3C5D7E9F1G3H5J7K",
                "agt_01JC5Z6M2K4H6G8F0E2D4C6B8A", now, TaskActionSigner.DEFAULT_TTL);
        assertEquals("2026-03-01T12:00:00Z", terms.createdAt());
        assertEquals("2026-03-02T12:00:00Z", terms.expiresAt());
        assertEquals(Timestamps.seconds(now.plus(Duration.ofHours(24))), terms.expiresAt());

        ObjectNode authorized = TaskActionSigner.authorize(TASK_ID, actionJson, terms, KEY);
        assertTrue(authorized.get("timeout_ms").isNull(), "unset timeout_ms is an explicit null");
        assertEquals(Status.VALID, verify(TASK_ID, authorized).status());

        TaskState decoded = ProtocolCodec.decode(TaskState.class, ProtocolCodec.encode(task(action)).set("action",
                authorized));
        TaskAuthorization carried = decoded.action().orElseThrow().authorization().orElseThrow();
        assertEquals(terms.nonce(), carried.nonce());
        assertEquals(KEY.keyId(), carried.signature().orElseThrow().keyId());
    }

    private static TaskState task(ExecAction action) {
        return new TaskState(TASK_ID, "build", null, "pending", null, "agt_01JC5Z5A1B3C5D7E9F1G3H5J7K", List.of(),
                List.of(), null, "2026-03-01T12:00:00Z", "2026-03-01T12:00:00Z", 0, null, null, Optional.of(action),
                Map.of());
    }

    private static Verification verify(String taskId, ObjectNode action) {
        return TaskActionSigner.verify(taskId, action, KEY.publicKeyBase64(), KEY.keyId());
    }
}
