package org.mxagent.protocol.api.sign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.mxagent.protocol.api.CanonicalJson;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.ProtocolJson;

/**
 * Detached authorization of a task action. The signed bytes are the canonical JSON of
 * {@code {"task_id":<id>,"action":<action without "authorization">,"authorization":{requesting_agent,
 * target_agent,created_at,expires_at,nonce}}}; the signature goes into {@code action.authorization.signature}.
 * Works on the action JSON as sent or received, so a receiver verifies exactly what it got.
 */
public final class TaskActionSigner {
    public static final String AUTHORIZATION = "authorization";
    /** Default lifetime of an authorization ({@code MX_AGENT_TASK_AUTH_TTL}). */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    /** The authorization members that are signed, in wire order. */
    public static final List<String> SIGNED_FIELDS =
            List.of("requesting_agent", "target_agent", "created_at", "expires_at", "nonce");

    private TaskActionSigner() {}

    /**
     * The bytes the authorization signature covers.
     *
     * @throws IllegalArgumentException if the action has no authorization object or one of the five signed
     *     fields is missing or not a string
     */
    public static byte[] signingBytes(String taskId, ObjectNode action) throws CanonicalJsonException {
        Objects.requireNonNull(taskId, "taskId");
        JsonNode authorization = action.get(AUTHORIZATION);
        if (authorization == null || !authorization.isObject()) {
            throw new IllegalArgumentException("action has no authorization object");
        }
        ObjectNode signedAuthorization = ProtocolJson.newObject();
        for (String field : SIGNED_FIELDS) {
            JsonNode value = authorization.get(field);
            if (value == null || !value.isTextual()) {
                throw new IllegalArgumentException("authorization." + field + " must be a string");
            }
            signedAuthorization.set(field, value);
        }
        ObjectNode bareAction = action.deepCopy();
        bareAction.remove(AUTHORIZATION);
        ObjectNode signed = ProtocolJson.newObject();
        signed.put("task_id", taskId);
        signed.set("action", bareAction);
        signed.set(AUTHORIZATION, signedAuthorization);
        return CanonicalJson.toBytes(signed);
    }

    /**
     * A copy of {@code action} whose {@code authorization} holds {@code terms} and their signature (any
     * authorization already on the action is replaced).
     */
    public static ObjectNode authorize(String taskId, ObjectNode action, TaskAuthorization terms, SigningKey key)
            throws CanonicalJsonException {
        ObjectNode authorization = ProtocolJson.newObject();
        authorization.put("requesting_agent", terms.requestingAgent());
        authorization.put("target_agent", terms.targetAgent());
        authorization.put("created_at", terms.createdAt());
        authorization.put("expires_at", terms.expiresAt());
        authorization.put("nonce", terms.nonce());
        terms.extra().forEach(authorization::set);
        ObjectNode authorized = action.deepCopy();
        authorized.set(AUTHORIZATION, authorization);
        EventSignature signature = EventSigner.signBytes(signingBytes(taskId, authorized), key);
        authorization.set(EventSigner.SIGNATURE, signature.toJson());
        return authorized;
    }

    /** Verifies {@code action.authorization.signature}; a missing authorization counts as unsigned. */
    public static Verification verify(String taskId, ObjectNode action, String publishedPublicKey,
            String expectedKeyId) {
        JsonNode authorization = action.get(AUTHORIZATION);
        if (authorization == null || authorization.isNull()) {
            return Verification.failed(Verification.Status.UNSIGNED, "action has no authorization");
        }
        if (!authorization.isObject()) {
            return Verification.failed(Verification.Status.MALFORMED, "authorization is not an object");
        }
        return SignatureVerifier.check(authorization.get(EventSigner.SIGNATURE), publishedPublicKey, expectedKeyId,
                () -> signingBytes(taskId, action));
    }
}
