package org.mxagent.protocol.api.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mxagent.protocol.Vectors;
import org.mxagent.protocol.api.ProtocolJson;

class ProtocolCodecTest {
    private static final JsonNode SAMPLES = Vectors.load("event-samples.json").get("samples");
    private static final String INV = "inv_01JC5Z8Y3N0X2W4V6T8R0P2M4K";

    static Stream<String> sampleTypes() {
        List<String> types = new ArrayList<>();
        SAMPLES.fieldNames().forEachRemaining(types::add);
        return types.stream();
    }

    @Test
    void thereIsASampleAndAMappingForEveryType() {
        assertEquals(16, EventTypes.TIMELINE.size());
        assertEquals(6, EventTypes.STATE.size());
        assertEquals(13, EventTypes.SIGNED.size());
        for (String type : concat(EventTypes.TIMELINE, EventTypes.STATE)) {
            assertTrue(ProtocolCodec.supports(type), type);
            assertTrue(SAMPLES.has(type), type);
            assertTrue(EventTypes.isKnown(type), type);
        }
        assertFalse(ProtocolCodec.supports("com.mxagent.exec.request.v2"));
        assertThrows(IllegalArgumentException.class,
                () -> ProtocolCodec.decode("m.room.message", ProtocolJson.newObject()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleTypes")
    void samplesSurviveDecodeAndEncodeUnchanged(String type) throws Exception {
        JsonNode sample = SAMPLES.get(type);
        ProtocolEvent event = ProtocolCodec.decode(type, sample);
        assertEquals(type, event.type());
        assertEquals(EventTypes.isSigned(type), event instanceof SignedEvent, "signed types carry a signature slot");
        assertEquals(EventTypes.isState(type), event instanceof StateEvent);
        assertEquals(ProtocolJson.write(sample), ProtocolJson.write(ProtocolCodec.encode(event)),
                "same members, values and order");
    }

    @Test
    void nullableFieldsAreWrittenAsExplicitNull() {
        ObjectNode finished = ProtocolCodec.encode(new ExecFinished(INV, null, null, 10, 0, 0, false, null,
                Optional.empty(), Map.of()));
        for (String field : List.of("exit_code", "signal", "artifact_mxc")) {
            assertTrue(finished.has(field) && finished.get(field).isNull(), field);
        }
        ObjectNode chunk = ProtocolCodec.encode(new StreamChunk(INV, StreamName.STDOUT, 3, ChunkEncoding.UTF_8, "",
                true, false, null, "2026-01-15T10:00:01.250Z", Optional.empty(), Map.of()));
        assertTrue(chunk.has("sha256") && chunk.get("sha256").isNull());
        ObjectNode response = ProtocolCodec.encode(new CallResponse("req_01JC5Z8Y3N7Q9S1T3V5W7X9Y1Z", true, null, null,
                Optional.empty(), Map.of()));
        assertTrue(response.has("result") && response.get("result").isNull());
        assertTrue(response.has("error") && response.get("error").isNull());
    }

    @Test
    void nullAndAbsentNullableFieldsBothDecodeToNullAndEncodeAsNull() throws Exception {
        ObjectNode sample = SAMPLES.get(EventTypes.EXEC_FINISHED).deepCopy();
        sample.remove("artifact_mxc");
        sample.putNull("signal");
        ExecFinished finished = ProtocolCodec.decode(ExecFinished.class, sample);
        assertNull(finished.artifactMxc());
        assertNull(finished.signal());
        assertNull(finished.exitCode());
        ObjectNode encoded = ProtocolCodec.encode(finished);
        assertTrue(encoded.get("artifact_mxc").isNull());
        assertTrue(encoded.get("signal").isNull());
    }

    @Test
    void optionalFieldsAreOmittedWhenAbsent() throws Exception {
        ObjectNode call = SAMPLES.get(EventTypes.CALL_REQUEST).deepCopy();
        call.remove(List.of("requesting_agent", "target_agent"));
        ObjectNode encodedCall = ProtocolCodec.encode(ProtocolCodec.decode(CallRequest.class, call));
        assertFalse(encodedCall.has("requesting_agent"));
        assertFalse(encodedCall.has("target_agent"));
        assertFalse(encodedCall.has("signature"));

        ObjectNode decision = SAMPLES.get(EventTypes.APPROVAL_DECISION).deepCopy();
        decision.remove("nonce");
        decision.putNull("expires_at");
        ObjectNode encodedDecision = ProtocolCodec.encode(ProtocolCodec.decode(ApprovalDecision.class, decision));
        assertFalse(encodedDecision.has("nonce"));
        assertFalse(encodedDecision.has("expires_at"), "an explicit null for an optional field is dropped");

        ObjectNode artifact = ProtocolCodec.encode(ProtocolCodec.decode(StreamArtifact.class,
                SAMPLES.get(EventTypes.STREAM_ARTIFACT)));
        assertFalse(artifact.has("encrypted_file"));
        ObjectNode task = SAMPLES.get(EventTypes.TASK).deepCopy();
        task.remove("action");
        assertFalse(ProtocolCodec.encode(ProtocolCodec.decode(TaskState.class, task)).has("action"));
    }

    @Test
    void unknownMembersArePreservedInOrderAndMayNotShadowFields() throws Exception {
        ObjectNode sample = SAMPLES.get(EventTypes.EXEC_ACCEPTED).deepCopy();
        sample.put("z_first", 1);
        sample.putObject("a_second").put("k", "v");
        sample.putNull("m_third");
        ExecAccepted accepted = ProtocolCodec.decode(ExecAccepted.class, sample);
        assertEquals(List.of("z_first", "a_second", "m_third"), new ArrayList<>(accepted.extra().keySet()));
        assertEquals(ProtocolJson.write(sample), ProtocolJson.write(ProtocolCodec.encode(accepted)));

        ExecAccepted shadowing = new ExecAccepted(INV, Optional.empty(),
                Map.of("invocation_id", ProtocolJson.nodes().textNode("other")));
        assertThrows(IllegalArgumentException.class, () -> ProtocolCodec.encode(shadowing));
        ExecAccepted fakeSignature = new ExecAccepted(INV, Optional.empty(),
                Map.of("signature", ProtocolJson.nodes().textNode("forged")));
        assertThrows(IllegalArgumentException.class, () -> ProtocolCodec.encode(fakeSignature),
                "an absent optional field is still a protocol field");
    }

    @Test
    void missingRequiredFieldNamesTypeAndField() {
        ObjectNode sample = SAMPLES.get(EventTypes.EXEC_FINISHED).deepCopy();
        sample.remove("duration_ms");
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> ProtocolCodec.decode(EventTypes.EXEC_FINISHED, sample));
        assertEquals(EventTypes.EXEC_FINISHED, e.eventType());
        assertEquals("duration_ms", e.field());
        assertEquals("com.mxagent.exec.finished.v1: field \"duration_ms\" is required", e.getMessage());

        ObjectNode nullRequired = SAMPLES.get(EventTypes.EXEC_FINISHED).deepCopy();
        nullRequired.putNull("truncated");
        assertEquals("truncated", assertThrows(MalformedEventException.class,
                () -> ProtocolCodec.decode(ExecFinished.class, nullRequired)).field());
    }

    @Test
    void wrongTypesAreMalformed() {
        assertMalformed(EventTypes.EXEC_FINISHED, "duration_ms", ProtocolJson.nodes().textNode("10"), "duration_ms");
        assertMalformed(EventTypes.EXEC_FINISHED, "duration_ms", ProtocolJson.nodes().numberNode(1.0), "duration_ms");
        assertMalformed(EventTypes.EXEC_FINISHED, "duration_ms", ProtocolJson.nodes().numberNode(-1), "duration_ms");
        assertMalformed(EventTypes.EXEC_FINISHED, "exit_code", ProtocolJson.nodes().numberNode(1L << 40), "exit_code");
        assertMalformed(EventTypes.EXEC_FINISHED, "truncated", ProtocolJson.nodes().textNode("false"), "truncated");
        assertMalformed(EventTypes.PTY_RESIZE, "rows", ProtocolJson.nodes().numberNode(65536), "rows");
        assertMalformed(EventTypes.STREAM_CHUNK, "stream", ProtocolJson.nodes().textNode("stdweird"), "stream");
        assertMalformed(EventTypes.EXEC_REQUEST, "command", ProtocolJson.nodes().textNode("ls -la"), "command");
        ObjectNode badEnv = ProtocolJson.newObject();
        badEnv.put("N", 1);
        assertMalformed(EventTypes.EXEC_REQUEST, "env", badEnv, "env.N");
        ObjectNode badLoad = ProtocolJson.newObject();
        badLoad.put("max_invocations", "many");
        assertMalformed(EventTypes.HEARTBEAT, "load", badLoad, "load.max_invocations");
        ObjectNode badAction = ProtocolJson.newObject();
        badAction.put("type", "shell");
        assertMalformed(EventTypes.TASK, "action", badAction, "action.type");
        assertThrows(MalformedEventException.class,
                () -> ProtocolCodec.decode(EventTypes.HEARTBEAT, ProtocolJson.nodes().arrayNode()));
    }

    @Test
    void contextShareNeedsExactlyOnePayloadForm() {
        ObjectNode both = SAMPLES.get(EventTypes.CONTEXT_SHARE).deepCopy();
        both.put("mxc_uri", "mxc://localhost/x");
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> ProtocolCodec.decode(EventTypes.CONTEXT_SHARE, both));
        assertEquals(EventTypes.CONTEXT_SHARE, e.eventType());
        ObjectNode neither = SAMPLES.get(EventTypes.CONTEXT_SHARE).deepCopy();
        neither.remove(List.of("data", "encoding"));
        assertThrows(MalformedEventException.class, () -> ProtocolCodec.decode(EventTypes.CONTEXT_SHARE, neither));
    }

    @Test
    void documentedDefaultsApplyWhenMembersAreAbsent() throws Exception {
        ObjectNode agent = SAMPLES.get(EventTypes.AGENT).deepCopy();
        agent.remove(List.of("kind", "load", "capabilities", "tools"));
        AgentState state = ProtocolCodec.decode(AgentState.class, agent);
        assertEquals("generic", state.kind());
        assertEquals(1, state.load().maxInvocations());
        assertEquals(0, state.load().runningInvocations());
        assertEquals(List.of(), state.tools());

        ObjectNode resize = SAMPLES.get(EventTypes.PTY_RESIZE).deepCopy();
        resize.remove(List.of("pixel_width", "pixel_height"));
        PtyResize decoded = ProtocolCodec.decode(PtyResize.class, resize);
        assertEquals(0, decoded.pixelWidth());
        assertEquals(ProtocolJson.write(SAMPLES.get(EventTypes.PTY_RESIZE)),
                ProtocolJson.write(ProtocolCodec.encode(decoded)), "defaults are written out");
    }

    @Test
    void rejectReasonsMapToAndFromTheWire() throws Exception {
        assertEquals(11, RejectReason.values().length);
        for (RejectReason reason : RejectReason.values()) {
            assertEquals(Optional.of(reason), RejectReason.fromWire(reason.wire()));
            assertEquals(reason.wire(), ProtocolCodec.encode(new ExecRejected(INV, reason)).get("reason").asText());
        }
        assertEquals("env_override_not_allowed", RejectReason.ENV_OVERRIDE_NOT_ALLOWED.wire());
        ExecRejected sample = ProtocolCodec.decode(ExecRejected.class, SAMPLES.get(EventTypes.EXEC_REJECTED));
        assertEquals(Optional.of(RejectReason.ENV_OVERRIDE_NOT_ALLOWED), sample.reasonCode());
        ExecRejected future = new ExecRejected(INV, "quota_exceeded", Optional.empty(), Map.of());
        assertEquals(Optional.empty(), future.reasonCode(), "an unknown code is kept as text, not refused");
    }

    @Test
    void stateKeysAndTypedAccessors() throws Exception {
        assertEquals("agt_01JC5Z6M2K4H6G8F0E2D4C6B8A", stateKey(EventTypes.AGENT));
        assertEquals("task_01JC5Z9A0B1C2D3E4F5G6H7J8K", stateKey(EventTypes.TASK));
        assertEquals(INV, stateKey(EventTypes.INVOCATION));
        assertEquals("", stateKey(EventTypes.WORKSPACE));
        assertEquals("fs.read@1.0.0", stateKey(EventTypes.TOOL));
        assertEquals("agt_01JC5Z6M2K4H6G8F0E2D4C6B8A|mxagent-ed25519:If4x36FUomFia/hUBG/SJxt77UtqvkWqWId+9H+XIbk",
                stateKey(EventTypes.TRUST));
        TaskState task = ProtocolCodec.decode(TaskState.class, SAMPLES.get(EventTypes.TASK));
        assertInstanceOf(ToolAction.class, task.action().orElseThrow());
        assertEquals(0, task.result().exitCode());
        ExecRequest request = ProtocolCodec.decode(ExecRequest.class, SAMPLES.get(EventTypes.EXEC_REQUEST));
        assertTrue(request.hasValidIdempotencyKey());
        ObjectNode wrongKey = SAMPLES.get(EventTypes.EXEC_REQUEST).deepCopy();
        wrongKey.put("idempotency_key", "exec:inv_01JC5Z8Y3N0X2W4V6T8R0P2M4M");
        assertFalse(ProtocolCodec.decode(ExecRequest.class, wrongKey).hasValidIdempotencyKey());
    }

    private static String stateKey(String type) throws MalformedEventException {
        return ((StateEvent) ProtocolCodec.decode(type, SAMPLES.get(type))).stateKey();
    }

    private static void assertMalformed(String type, String member, JsonNode value, String expectedField) {
        ObjectNode content = SAMPLES.get(type).deepCopy();
        content.set(member, value);
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> ProtocolCodec.decode(type, content), type + " " + member + "=" + value);
        assertEquals(expectedField, e.field(), e.getMessage());
        assertEquals(type, e.eventType());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
