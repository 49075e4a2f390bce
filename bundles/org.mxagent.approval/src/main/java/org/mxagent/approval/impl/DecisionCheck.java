package org.mxagent.approval.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.policy.api.Admission;
import org.mxagent.policy.api.NonceAdmission;
import org.mxagent.policy.api.TrustCheck;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ApprovalDecision;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.api.sign.SignatureVerifier;
import org.mxagent.protocol.api.sign.Verification;

/**
 * The acceptance rules for {@code approval.decision} (protocol.md §2.4), in order: the Matrix sender is this
 * daemon's user or one of the room's {@code approvers}; a signature is present; its key resolves to a key the
 * sender publishes and is trusted locally (this runtime's own key counts as trusted for its own user); the
 * signature verifies over the re-serialized typed decision; {@code nonce} and {@code expires_at} are present and
 * unexpired; the nonce is then burned in the replay cache. The nonce is burned last, so nothing anyone may send
 * can fill the cache.
 */
final class DecisionCheck {
    /** The published signing key of {@code sender} with this key id (unpadded base64), if any. */
    @FunctionalInterface
    interface Keys {
        Optional<String> publicKey(String roomId, String sender, String keyId);
    }

    /** What the rules said; {@code rule} names the first failed rule, {@code accepted} when none failed. */
    record Result(boolean accepted, String rule, String detail, Optional<ApprovalDecision> decision) {
        static Result ignored(String rule, String detail) {
            return new Result(false, rule, detail, Optional.empty());
        }
    }

    private final Keys keys;
    private final TrustCheck trust;
    private final NonceAdmission nonces;
    private final String ownKeyId;

    DecisionCheck(Keys keys, TrustCheck trust, NonceAdmission nonces, String ownKeyId) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.ownKeyId = Objects.requireNonNull(ownKeyId, "ownKeyId");
    }

    static Optional<ApprovalDecision> parse(ObjectNode content) {
        try {
            return Optional.of(ProtocolCodec.decode(ApprovalDecision.class, content));
        } catch (MalformedEventException e) {
            return Optional.empty();
        }
    }

    Result check(String roomId, String sender, ObjectNode content, Optional<String> ownUserId,
            Collection<String> approvers, Instant now) {
        ApprovalDecision decision;
        try {
            decision = ProtocolCodec.decode(ApprovalDecision.class, content);
        } catch (MalformedEventException e) {
            return Result.ignored("malformed", e.getMessage());
        }
        boolean own = ownUserId.map(sender::equals).orElse(false);
        if (!own && !approvers.contains(sender)) {
            return Result.ignored("sender_not_approver", sender + " is neither this daemon's user nor an approver");
        }
        if (decision.signature().isEmpty()) {
            return Result.ignored("unsigned", "the decision carries no signature");
        }
        EventSignature signature = decision.signature().get();
        String keyId = signature.keyId();
        Optional<String> key = keys.publicKey(roomId, sender, keyId);
        if (key.isEmpty()) {
            return Result.ignored("unknown_key", sender + " publishes no signing key " + keyId);
        }
        boolean selfTrusted = own && ownKeyId.equals(keyId);
        if (!selfTrusted && !trust.isTrusted(keyId)) {
            return Result.ignored("untrusted_key", "key " + keyId + " is not trusted locally");
        }
        // the peer verifies decisions over its re-serialized typed struct: so do we (extras are kept)
        Verification verification = SignatureVerifier.verify(ProtocolCodec.encode(decision), key.get(), keyId);
        if (!verification.isValid()) {
            return Result.ignored("invalid_signature", verification.detail());
        }
        if (decision.nonce().isEmpty() || decision.expiresAt().isEmpty()) {
            return Result.ignored("missing_nonce", "nonce and expires_at are required");
        }
        Instant expiresAt;
        try {
            expiresAt = Timestamps.parse(decision.expiresAt().get());
        } catch (DateTimeParseException e) {
            return Result.ignored("unparseable_time", "expires_at: " + e.getMessage());
        }
        if (!expiresAt.isAfter(now)) {
            return Result.ignored("expired", "the decision expired at " + decision.expiresAt().get());
        }
        Admission admission = nonces.admit(decision.nonce().get(), decision.createdAt(), decision.expiresAt().get(),
                now);
        if (admission != Admission.ADMITTED) {
            return Result.ignored(admission.rule(), "nonce not admitted: " + admission.rule());
        }
        return new Result(true, "accepted", "", Optional.of(decision));
    }
}
