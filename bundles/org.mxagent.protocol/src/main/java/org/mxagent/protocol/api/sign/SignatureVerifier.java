package org.mxagent.protocol.api.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.impl.Base64s;
import org.mxagent.protocol.impl.Ed25519;

/**
 * Verifies signed event content against the signer's published key. Checks, in order: a signature member is
 * present, it is well formed, {@code alg} is ed25519, the published key hashes to the expected key id, the
 * signature names that key id, and the Ed25519 signature verifies over {@link EventSigner#signingBytes}.
 */
public final class SignatureVerifier {
    private SignatureVerifier() {}

    /**
     * @param content the event content exactly as received (unknown members included)
     * @param publishedPublicKey the signer's {@code agent.v1.signing_public_key} (unpadded base64)
     * @param expectedKeyId the signer's {@code agent.v1.signing_key_id}
     */
    public static Verification verify(ObjectNode content, String publishedPublicKey, String expectedKeyId) {
        Objects.requireNonNull(content, "content");
        return check(content.get(EventSigner.SIGNATURE), publishedPublicKey, expectedKeyId,
                () -> EventSigner.signingBytes(content));
    }

    /** Supplies the signed bytes; may fail if the content has no canonical form. */
    @FunctionalInterface
    interface SignedBytes {
        byte[] get() throws CanonicalJsonException;
    }

    static Verification check(JsonNode signature, String publishedPublicKey, String expectedKeyId,
            SignedBytes signedBytes) {
        Objects.requireNonNull(expectedKeyId, "expectedKeyId");
        if (signature == null || signature.isNull()) {
            return Verification.failed(Verification.Status.UNSIGNED, "no signature member");
        }
        if (!signature.isObject()) {
            return Verification.failed(Verification.Status.MALFORMED, "signature is not an object");
        }
        String alg = text(signature, "alg");
        String keyId = text(signature, "key_id");
        String sig = text(signature, "sig");
        if (alg == null || keyId == null || sig == null) {
            return Verification.failed(Verification.Status.MALFORMED,
                    "signature needs string members alg, key_id and sig");
        }
        if (!EventSignature.ED25519.equals(alg)) {
            return Verification.failed(Verification.Status.UNSUPPORTED_ALG, "unsupported alg " + alg);
        }
        if (!PublicKeys.matchesKeyId(publishedPublicKey, expectedKeyId)) {
            return Verification.failed(Verification.Status.KEY_ID_MISMATCH,
                    "published public key does not hash to " + expectedKeyId);
        }
        if (!keyId.equals(expectedKeyId)) {
            return Verification.failed(Verification.Status.KEY_ID_MISMATCH,
                    "signed with " + keyId + ", expected " + expectedKeyId);
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64s.decodePadded(sig, Ed25519.SIGNATURE_BYTES);
        } catch (IllegalArgumentException e) {
            return Verification.failed(Verification.Status.MALFORMED, "sig: " + e.getMessage());
        }
        byte[] message;
        try {
            message = signedBytes.get();
        } catch (CanonicalJsonException | IllegalArgumentException e) {
            return Verification.failed(Verification.Status.MALFORMED, "signed content: " + e.getMessage());
        }
        if (!Ed25519.verify(PublicKeys.decode(publishedPublicKey), message, signatureBytes)) {
            return Verification.failed(Verification.Status.INVALID_SIGNATURE, "signature does not verify");
        }
        return Verification.valid();
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
