package org.mxagent.protocol.api.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.Vectors;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.ExecRequest;
import org.mxagent.protocol.api.event.ProtocolCodec;

/** Reproduces vectors/signed-exec-request.json and vectors/signed-task-action.json from the seed alone. */
class SignedVectorsTest {

    @Test
    void signedExecRequest() throws Exception {
        JsonNode vector = Vectors.load("signed-exec-request.json");
        SigningKey key = keyAndNamesOf(vector);
        ObjectNode unsigned = (ObjectNode) vector.get("unsigned_content");
        ObjectNode expectedSigned = (ObjectNode) vector.get("signed_content");

        assertEquals(vector.get("signing_bytes").asText(),
                new String(EventSigner.signingBytes(unsigned), StandardCharsets.UTF_8));
        assertEquals(vector.get("signing_bytes").asText(),
                new String(EventSigner.signingBytes(expectedSigned), StandardCharsets.UTF_8), "signature excluded");
        ObjectNode signed = EventSigner.sign(unsigned, key);
        assertEquals(expectedSigned, signed);
        assertEquals(expectedSigned.get("signature").get("sig").asText(),
                EventSigner.signature(unsigned, key).sig());
        assertEquals(Verification.Status.VALID,
                SignatureVerifier.verify(expectedSigned, vector.get("public_key").asText(), key.keyId()).status());
    }

    @Test
    void signedExecRequestSurvivesTheCodec() throws Exception {
        JsonNode vector = Vectors.load("signed-exec-request.json");
        ObjectNode signed = (ObjectNode) vector.get("signed_content");
        ExecRequest request = ProtocolCodec.decode(ExecRequest.class, signed);
        assertTrue(request.hasValidIdempotencyKey());
        assertTrue(Ids.isValid(Ids.INVOCATION, request.invocationId()));
        assertEquals(vector.get("key_id").asText(), request.signature().orElseThrow().keyId());
        assertTrue(request.extra().containsKey("x_trace"));
        ObjectNode reEncoded = ProtocolCodec.encode(request);
        assertEquals(ProtocolJson.write(signed), ProtocolJson.write(reEncoded), "same members, values and order");
        assertTrue(SignatureVerifier.verify(reEncoded, vector.get("public_key").asText(),
                vector.get("key_id").asText()).isValid());
    }

    @Test
    void signedTaskAction() throws Exception {
        JsonNode vector = Vectors.load("signed-task-action.json");
        SigningKey key = keyAndNamesOf(vector);
        String taskId = vector.get("task_id").asText();
        ObjectNode authorized = (ObjectNode) vector.get("authorized_action");
        assertEquals(vector.get("signing_bytes").asText(),
                new String(TaskActionSigner.signingBytes(taskId, authorized), StandardCharsets.UTF_8));

        ObjectNode bare = authorized.deepCopy();
        JsonNode auth = bare.remove(TaskActionSigner.AUTHORIZATION);
        TaskAuthorization terms = new TaskAuthorization(auth.get("requesting_agent").asText(),
                auth.get("target_agent").asText(), auth.get("created_at").asText(), auth.get("expires_at").asText(),
                auth.get("nonce").asText(), Optional.empty(), Map.of());
        assertEquals(authorized, TaskActionSigner.authorize(taskId, bare, terms, key));
        assertTrue(TaskActionSigner.verify(taskId, authorized, key.publicKeyBase64(), key.keyId()).isValid());
    }

    private static SigningKey keyAndNamesOf(JsonNode vector) {
        SigningKey key = SigningKey.fromSeed(HexFormat.of().parseHex(vector.get("seed_hex").asText()));
        assertEquals(vector.get("public_key").asText(), key.publicKeyBase64());
        assertEquals(vector.get("key_id").asText(), key.keyId());
        assertEquals(vector.get("fingerprint").asText(), key.fingerprint());
        return key;
    }
}
