package org.mxagent.protocol.api.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mxagent.protocol.Vectors;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.sign.Verification.Status;

class SignatureVerifierTest {
    private static final SigningKey KEY = SigningKey.fromSeed(Vectors.RFC8032_SEED);
    private static final ObjectNode SIGNED =
            (ObjectNode) Vectors.load("signed-exec-request.json").get("signed_content");

    static Stream<String> memberNames() {
        List<String> names = new ArrayList<>();
        SIGNED.fieldNames().forEachRemaining(names::add);
        names.remove(EventSigner.SIGNATURE);
        return names.stream();
    }

    @Test
    void theVectorVerifies() {
        assertEquals(Status.VALID, verify(SIGNED).status());
    }

    @ParameterizedTest(name = "tampering with {0}")
    @MethodSource("memberNames")
    void changingAnySignedMemberBreaksTheSignature(String name) {
        ObjectNode tampered = SIGNED.deepCopy();
        tampered.set(name, tamper(tampered.get(name)));
        assertEquals(Status.INVALID_SIGNATURE, verify(tampered).status(), name);
    }

    @ParameterizedTest(name = "removing {0}")
    @MethodSource("memberNames")
    void removingAnySignedMemberBreaksTheSignature(String name) {
        ObjectNode tampered = SIGNED.deepCopy();
        tampered.remove(name);
        assertEquals(Status.INVALID_SIGNATURE, verify(tampered).status(), name);
    }

    @Test
    void nestedChangesBreakTheSignature() {
        assertInvalid(c -> ((ArrayNode) c.get("command")).set(0, TextNode.valueOf("/bin/rm")));
        assertInvalid(c -> ((ObjectNode) c.get("env")).put("LD_PRELOAD", "/tmp/x.so"));
        assertInvalid(c -> ((ArrayNode) c.get("x_trace").get("hops")).add(3));
        assertInvalid(c -> c.put("new_unknown_member", "x"));
        assertInvalid(c -> c.putNull("another"));
    }

    @Test
    void memberOrderDoesNotMatter() {
        ObjectNode reordered = ProtocolJson.newObject();
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(SIGNED.properties());
        Collections.reverse(members);
        members.forEach(m -> reordered.set(m.getKey(), m.getValue()));
        assertEquals(Status.VALID, verify(reordered).status());
    }

    @Test
    void missingOrNullSignatureIsUnsigned() {
        ObjectNode unsigned = SIGNED.deepCopy();
        unsigned.remove(EventSigner.SIGNATURE);
        assertEquals(Status.UNSIGNED, verify(unsigned).status());
        unsigned.putNull(EventSigner.SIGNATURE);
        assertEquals(Status.UNSIGNED, verify(unsigned).status());
    }

    @Test
    void anotherKeyIdIsAMismatch() {
        SigningKey other = SigningKey.generate();
        assertEquals(Status.KEY_ID_MISMATCH,
                SignatureVerifier.verify(SIGNED, other.publicKeyBase64(), other.keyId()).status(),
                "signed by KEY, checked against other's published key");
        assertEquals(Status.KEY_ID_MISMATCH,
                SignatureVerifier.verify(SIGNED, other.publicKeyBase64(), KEY.keyId()).status(),
                "published key does not hash to the expected key id");
        assertEquals(Status.KEY_ID_MISMATCH, SignatureVerifier.verify(SIGNED, "garbage", KEY.keyId()).status());
        ObjectNode renamed = SIGNED.deepCopy();
        ((ObjectNode) renamed.get(EventSigner.SIGNATURE)).put("key_id", other.keyId());
        assertEquals(Status.KEY_ID_MISMATCH, verify(renamed).status());
    }

    @Test
    void signatureByAnotherKeyUnderOurKeyIdIsInvalid() throws Exception {
        ObjectNode forged = EventSigner.sign(SIGNED, SigningKey.generate());
        ((ObjectNode) forged.get(EventSigner.SIGNATURE)).put("key_id", KEY.keyId());
        assertEquals(Status.INVALID_SIGNATURE, verify(forged).status());
    }

    @Test
    void otherAlgorithmsAreUnsupported() {
        assertEquals(Status.UNSUPPORTED_ALG, verify(withSignatureMember("alg", TextNode.valueOf("ed448"))).status());
        assertEquals(Status.UNSUPPORTED_ALG, verify(withSignatureMember("alg", TextNode.valueOf("Ed25519"))).status());
    }

    @Test
    void malformedSignaturesAreReportedAsSuch() {
        String sig = SIGNED.get(EventSigner.SIGNATURE).get("sig").asText();
        assertEquals(Status.MALFORMED, verify(withSignatureMember("sig", TextNode.valueOf(sig.replace("=", ""))))
                .status(), "unpadded");
        assertEquals(Status.MALFORMED, verify(withSignatureMember("sig", TextNode.valueOf("%%%"))).status());
        assertEquals(Status.MALFORMED, verify(withSignatureMember("sig", TextNode.valueOf("AAAA"))).status());
        assertEquals(Status.MALFORMED, verify(withSignatureMember("sig", ProtocolJson.nodes().numberNode(1)))
                .status());
        ObjectNode notAnObject = SIGNED.deepCopy();
        notAnObject.put(EventSigner.SIGNATURE, "sig");
        assertEquals(Status.MALFORMED, verify(notAnObject).status());
        ObjectNode withFloat = SIGNED.deepCopy();
        withFloat.put("ratio", 0.5);
        assertEquals(Status.MALFORMED, verify(withFloat).status());
    }

    @Test
    void orThrowCarriesTheStatus() throws Exception {
        verify(SIGNED).orThrow();
        ObjectNode unsigned = SIGNED.deepCopy();
        unsigned.remove(EventSigner.SIGNATURE);
        SignatureVerificationException thrown =
                assertThrows(SignatureVerificationException.class, () -> verify(unsigned).orThrow());
        assertEquals(Status.UNSIGNED, thrown.status());
    }

    @Test
    void signingLeavesTheInputUntouchedAndReplacesAnOldSignature() throws Exception {
        ObjectNode content = SIGNED.deepCopy();
        content.remove(EventSigner.SIGNATURE);
        ObjectNode before = content.deepCopy();
        SigningKey other = SigningKey.generate();
        ObjectNode signedByOther = EventSigner.sign(content, other);
        assertEquals(before, content);
        assertEquals(SIGNED, EventSigner.sign(signedByOther, KEY), "re-signing replaces the signature");
        assertTrue(SignatureVerifier.verify(signedByOther, other.publicKeyBase64(), other.keyId()).isValid());
    }

    private static Verification verify(ObjectNode content) {
        return SignatureVerifier.verify(content, KEY.publicKeyBase64(), KEY.keyId());
    }

    private static void assertInvalid(Consumer<ObjectNode> change) {
        ObjectNode tampered = SIGNED.deepCopy();
        change.accept(tampered);
        assertEquals(Status.INVALID_SIGNATURE, verify(tampered).status(), tampered.toString());
    }

    private static ObjectNode withSignatureMember(String name, JsonNode value) {
        ObjectNode copy = SIGNED.deepCopy();
        ((ObjectNode) copy.get(EventSigner.SIGNATURE)).set(name, value);
        return copy;
    }

    /** A different value of the same JSON type (or a string if the original is null). */
    private static JsonNode tamper(JsonNode value) {
        if (value.isTextual()) {
            return TextNode.valueOf(value.textValue() + "x");
        }
        if (value.isBoolean()) {
            return ProtocolJson.nodes().booleanNode(!value.booleanValue());
        }
        if (value.isIntegralNumber()) {
            return ProtocolJson.nodes().numberNode(value.bigIntegerValue().add(BigInteger.ONE));
        }
        if (value.isArray()) {
            ArrayNode array = value.deepCopy();
            return array.add("x");
        }
        if (value.isObject()) {
            ObjectNode object = value.deepCopy();
            return object.put("x", "y");
        }
        return TextNode.valueOf("was null");
    }
}
