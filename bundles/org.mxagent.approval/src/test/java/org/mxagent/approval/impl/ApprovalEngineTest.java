package org.mxagent.approval.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.approval.api.ApprovalRelease;
import org.mxagent.approval.api.Approvals.Outcome;
import org.mxagent.approval.api.Hold;
import org.mxagent.approval.api.HoldOrigin;
import org.mxagent.policy.api.Admission;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.ApprovalVerdict;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.policy.api.NonceAdmission;
import org.mxagent.policy.api.PipelineDecision;
import org.mxagent.policy.api.PrivilegedRequest;
import org.mxagent.policy.api.RequestPayload;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.policy.api.SeccompMode;
import org.mxagent.policy.api.SignatureCheck;
import org.mxagent.protocol.api.Nonces;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ApprovalDecision;
import org.mxagent.protocol.api.event.ApprovalOutcome;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.RejectReason;
import org.mxagent.protocol.api.sign.EventSigner;
import org.mxagent.protocol.api.sign.SigningKey;

class ApprovalEngineTest {
    static final String ROOM = "!ops:example.org";
    static final String OWN = "@daemon:example.org";
    static final String APPROVER = "@lead:example.org";
    static final String APPROVER2 = "@second:example.org";
    static final String STRANGER = "@mallory:example.org";

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final SigningKey ownKey = SigningKey.generate();
    final SigningKey approverKey = SigningKey.generate();
    final SigningKey approver2Key = SigningKey.generate();
    final SigningKey strangerKey = SigningKey.generate();
    final Set<String> trusted = new HashSet<>();
    final Set<String> burned = new HashSet<>();
    final List<String> posted = new ArrayList<>();
    final List<String> approvers = new ArrayList<>(List.of(APPROVER, APPROVER2, STRANGER));
    final RecordingRelease consumer = new RecordingRelease();
    int quorum = 1;

    @BeforeEach
    void trustKeys() {
        trusted.add(approverKey.keyId());
        trusted.add(approver2Key.keyId());
        trusted.add(strangerKey.keyId());
        approvers.remove(STRANGER);
    }

    ApprovalEngine engine() throws Exception {
        Map<String, SigningKey> published = Map.of(OWN, ownKey, APPROVER, approverKey, APPROVER2, approver2Key,
                STRANGER, strangerKey);
        DecisionCheck.Keys keys = (room, sender, keyId) -> Optional.ofNullable(published.get(sender))
                .filter(k -> k.keyId().equals(keyId)).map(SigningKey::publicKeyBase64);
        NonceAdmission nonces = (nonce, created, expires, now) -> burned.add(nonce) ? Admission.ADMITTED
                : Admission.REPLAYED;
        DecisionCheck check = new DecisionCheck(keys, trusted::contains, nonces, ownKey.keyId());
        ApprovalEngine engine = new ApprovalEngine(new HoldFile(dir.resolve(HoldFile.FILE_NAME)), clock,
                new ApprovalEngine.Settings(Duration.ofHours(1), quorum, Map.of()), check, room -> approvers,
                () -> Optional.of(OWN), (room, type, content) -> posted.add(type + " " + ProtocolJson.write(content)),
                new ApprovalEngine.Log() {
                    @Override
                    public void info(String message) {
                        System.out.println("approval-test: " + message);
                    }

                    @Override
                    public void warn(String message, Throwable cause) {
                        System.out.println("approval-test: WARN " + message + ": " + cause);
                    }
                });
        engine.addConsumer("exec", consumer);
        return engine;
    }

    static PrivilegedRequest request(String nonce) {
        return new PrivilegedRequest(ROOM, "@builder:example.org", Optional.empty(), "agt_requester", "agt_target",
                "mxagent-ed25519:k", SignatureCheck.VALID, "@builder:example.org", nonce, "2026-03-01T10:00:00Z",
                "2026-03-01T10:05:00Z", Optional.of("inv_" + nonce),
                new RequestPayload.Exec(List.of("/bin/sh", "-c", "make TOKEN=abc"), "/work", Set.of(),
                        OptionalLong.empty()));
    }

    static Allowance allowance() {
        return new Allowance(600_000, OptionalLong.empty(), SandboxKind.NONE, Optional.empty(), NetworkMode.DENY,
                List.of(), List.of(), List.of(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                SeccompMode.OFF, true, false, List.of(APPROVER));
    }

    static HoldOrigin origin(String requestId) {
        ObjectNode content = ProtocolJson.newObject().put("request_id", requestId).put("nonce", "n");
        content.putObject("signature").put("alg", "ed25519");
        return new HoldOrigin("exec", EventTypes.EXEC_REQUEST, "$event", requestId, content);
    }

    ObjectNode decision(String requestId, ApprovalOutcome outcome, SigningKey key, Duration ttl) throws Exception {
        Instant now = clock.instant();
        ApprovalDecision decision = new ApprovalDecision(requestId, outcome, "display only", Timestamps.seconds(now),
                Optional.of(Nonces.newNonce()), Optional.of(Timestamps.seconds(now.plus(ttl))), Optional.empty(),
                Map.of());
        return EventSigner.sign(ProtocolCodec.encode(decision), key);
    }

    ObjectNode approve(String requestId, SigningKey key) throws Exception {
        return decision(requestId, ApprovalOutcome.APPROVED, key, Duration.ofMinutes(5));
    }

    String hold(ApprovalEngine engine, String nonce) {
        assertEquals(ApprovalVerdict.HELD, engine.check(request(nonce), allowance(), Optional.of(origin("req_" + nonce))));
        return "req_" + nonce;
    }

    // ---- holding

    @Test
    void aHoldIsPersistedPrivatelyWithTheOriginalAndAnApprovalRequestIsPosted() throws Exception {
        ApprovalEngine engine = engine();
        String id = hold(engine, "a1");
        assertEquals(ApprovalVerdict.HELD, engine.check(request("a1"), allowance(), Optional.of(origin(id))),
                "a second check of the same request is still held, not held again");
        Path file = dir.resolve(HoldFile.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        JsonNode stored = ProtocolJson.parse(Files.readAllBytes(file)).path("holds").get(0);
        assertEquals(id, stored.path("request_id").asText());
        assertEquals("ed25519", stored.path("origin").path("content").path("signature").path("alg").asText());
        assertEquals(1, posted.size());
        JsonNode request = ProtocolJson.parse(posted.get(0).substring(posted.get(0).indexOf(' ') + 1));
        assertTrue(posted.get(0).startsWith(EventTypes.APPROVAL_REQUEST));
        assertEquals(id, request.path("request_id").asText());
        assertEquals("inv_a1", request.path("invocation_id").asText());
        assertEquals("agt_requester", request.path("requester").asText());
        assertEquals("agt_target", request.path("target").asText());
        assertEquals("medium", request.path("risk").asText());
        assertEquals("2026-03-01T11:00:00Z", request.path("expires_at").asText());
        assertTrue(request.path("summary").asText().contains("TOKEN=REDACTED"), request.path("summary").asText());
    }

    // ---- acceptance rules

    @Test
    void decisionsFromNonApproversAndBadSignaturesAreIgnored() throws Exception {
        ApprovalEngine engine = engine();
        String id = hold(engine, "b1");
        assertEquals("sender_not_approver", engine.onDecision(ROOM, STRANGER, approve(id, strangerKey)).rule());
        assertEquals("unknown_key", engine.onDecision(ROOM, APPROVER, approve(id, strangerKey)).rule(),
                "signed with someone else's key");
        ObjectNode unsigned = approve(id, approverKey);
        unsigned.remove("signature");
        assertEquals("unsigned", engine.onDecision(ROOM, APPROVER, unsigned).rule());
        ObjectNode forged = approve(id, approverKey);
        forged.put("decision", "approved").put("approved_by", "tampered after signing");
        assertEquals("invalid_signature", engine.onDecision(ROOM, APPROVER, forged).rule());
        trusted.remove(approverKey.keyId());
        assertEquals("untrusted_key", engine.onDecision(ROOM, APPROVER, approve(id, approverKey)).rule());
        trusted.add(approverKey.keyId());
        assertEquals("no_hold", engine.onDecision(ROOM, APPROVER, approve("req_other", approverKey)).rule());
        assertEquals("wrong_room", engine.onDecision("!elsewhere:example.org", APPROVER, approve(id, approverKey))
                .rule());
        assertEquals(0, consumer.released.size());
        assertTrue(engine.show(id).isPresent(), "still held");
    }

    @Test
    void nonceAndExpiryAreRequiredAndTheNonceIsBurned() throws Exception {
        ApprovalEngine engine = engine();
        String id = hold(engine, "c1");
        Instant now = clock.instant();
        ApprovalDecision noNonce = new ApprovalDecision(id, ApprovalOutcome.APPROVED, "x", Timestamps.seconds(now),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
        assertEquals("missing_nonce", engine.onDecision(ROOM, APPROVER,
                EventSigner.sign(ProtocolCodec.encode(noNonce), approverKey)).rule());
        assertEquals("expired", engine.onDecision(ROOM, APPROVER,
                decision(id, ApprovalOutcome.APPROVED, approverKey, Duration.ofSeconds(-1))).rule());
        quorum = 2;
        ApprovalEngine twoOf = engine();
        ObjectNode once = approve(id, approverKey);
        assertEquals(Optional.of(Outcome.PENDING), twoOf.onDecision(ROOM, APPROVER, once).outcome());
        assertEquals("replayed", twoOf.onDecision(ROOM, APPROVER, once).rule(), "a replayed decision is dropped");
    }

    @Test
    void theLocalOperatorsOwnKeyIsAccepted() throws Exception {
        ApprovalEngine engine = engine();
        String id = hold(engine, "d1");
        assertEquals(Optional.of(Outcome.RELEASED), engine.onDecision(ROOM, OWN, approve(id, ownKey)).outcome());
        assertEquals(List.of(id), consumer.released);
    }

    // ---- quorum

    @Test
    void aQuorumOfTwoNeedsTwoDistinctApprovers() throws Exception {
        quorum = 2;
        ApprovalEngine engine = engine();
        String id = hold(engine, "e1");
        assertEquals(Optional.of(Outcome.PENDING), engine.onDecision(ROOM, APPROVER, approve(id, approverKey))
                .outcome());
        assertEquals(Optional.of(Outcome.PENDING), engine.onDecision(ROOM, APPROVER, approve(id, approverKey))
                .outcome(), "the same approver twice counts once");
        assertEquals(List.of(APPROVER), engine.show(id).orElseThrow().approvals());
        assertEquals(Optional.of(Outcome.RELEASED), engine.onDecision(ROOM, APPROVER2, approve(id, approver2Key))
                .outcome());
        assertEquals(List.of(id), consumer.released);
    }

    @Test
    void oneDenialDeniesEvenWithQuorumPending() throws Exception {
        quorum = 2;
        ApprovalEngine engine = engine();
        String id = hold(engine, "f1");
        engine.onDecision(ROOM, APPROVER, approve(id, approverKey));
        assertEquals(Optional.of(Outcome.DENIED), engine.onDecision(ROOM, APPROVER2,
                decision(id, ApprovalOutcome.DENIED, approver2Key, Duration.ofMinutes(5))).outcome());
        assertEquals(List.of(id + " approval_denied"), consumer.denied);
        assertEquals(List.of(), consumer.released);
        assertEquals(ApprovalVerdict.DENIED, engine.check(request("f1"), allowance(), Optional.of(origin(id))),
                "a denied request is never held again");
    }

    // ---- expiry

    @Test
    void anExpiredHoldIsDeniedWithApprovalExpiredAndLateDecisionsAreIgnored() throws Exception {
        ApprovalEngine engine = engine();
        String id = hold(engine, "g1");
        ObjectNode late = approve(id, approverKey);
        clock.advance(Duration.ofMinutes(59));
        engine.sweep();
        assertTrue(engine.show(id).isPresent(), "not yet expired");
        clock.advance(Duration.ofMinutes(1));
        engine.sweep();
        assertTrue(engine.show(id).isEmpty());
        assertEquals(List.of(id + " approval_expired"), consumer.denied);
        assertEquals("no_hold", engine.onDecision(ROOM, APPROVER, late).rule());
        assertEquals(ApprovalVerdict.EXPIRED, engine.check(request("g1"), allowance(), Optional.of(origin(id))));
        assertEquals(List.of(), consumer.released);
    }

    // ---- re-authorization and exactly once

    @Test
    void aReleaseIsReauthorizedAndATightenedPolicyDenies() throws Exception {
        ApprovalEngine engine = engine();
        String id = hold(engine, "h1");
        consumer.reauthorization = PipelineDecision.rejected(RejectReason.UNTRUSTED_KEY, "untrusted_key",
                "key revoked meanwhile");
        assertEquals(Optional.of(Outcome.DENIED), engine.onDecision(ROOM, APPROVER, approve(id, approverKey))
                .outcome());
        assertEquals(List.of(id + " untrusted_key"), consumer.denied);
        assertEquals(List.of(), consumer.released);
        assertEquals(1, consumer.reauthorized);
    }

    @Test
    void aHoldSurvivesARestartAndIsReleasedExactlyOnce() throws Exception {
        String id = hold(engine(), "i1");
        // "restart": a fresh engine over the same approvals.json
        ApprovalEngine second = engine();
        assertEquals(id, second.show(id).orElseThrow().requestId());
        assertEquals("ed25519", second.show(id).orElseThrow().origin().orElseThrow().content().path("signature")
                .path("alg").asText(), "the original signed request survives the restart");
        assertEquals(Optional.of(Outcome.RELEASED), second.onDecision(ROOM, APPROVER, approve(id, approverKey))
                .outcome());
        assertEquals(Optional.empty(), second.onDecision(ROOM, APPROVER2, approve(id, approver2Key)).outcome());
        // restart again after the release: nothing is held, a new decision or the same request changes nothing
        ApprovalEngine third = engine();
        assertTrue(third.list().isEmpty());
        assertEquals("no_hold", third.onDecision(ROOM, OWN, approve(id, ownKey)).rule());
        assertEquals(ApprovalVerdict.DENIED, third.check(request("i1"), allowance(), Optional.of(origin(id))));
        third.sweep();
        assertEquals(List.of(id), consumer.released, "released exactly once");
    }

    @Test
    void aHoldIsRemovedFromDiskBeforeTheConsumerRuns() throws Exception {
        ApprovalEngine engine = engine();
        String id = hold(engine, "j1");
        consumer.onRelease = () -> {
            try {
                JsonNode onDisk = ProtocolJson.parse(Files.readAllBytes(dir.resolve(HoldFile.FILE_NAME)));
                assertEquals(0, onDisk.path("holds").size(), "hold already gone when the consumer runs");
                // a crash right here: the restarted engine must not release it again
                ApprovalEngine restarted = engine();
                assertTrue(restarted.list().isEmpty());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        engine.onDecision(ROOM, APPROVER, approve(id, approverKey));
        assertEquals(List.of(id), consumer.released);
    }

    @Test
    void aGrantWithoutConsumerIsReleasedWhenTheConsumerComes() throws Exception {
        ApprovalEngine engine = engine();
        engine.removeConsumer("exec", consumer);
        String id = hold(engine, "k1");
        assertEquals(Optional.of(Outcome.PENDING), engine.onDecision(ROOM, APPROVER, approve(id, approverKey))
                .outcome());
        ApprovalEngine restarted = engine();
        restarted.sweep();
        assertEquals(List.of(id), consumer.released);
        restarted.sweep();
        assertEquals(List.of(id), consumer.released);
    }

    @Test
    void withdrawRemovesTheHoldWithoutCallingTheConsumer() throws Exception {
        ApprovalEngine engine = engine();
        String id = hold(engine, "l1");
        engine.withdraw(request("l1"));
        assertTrue(engine.show(id).isEmpty());
        assertEquals("no_hold", engine.onDecision(ROOM, APPROVER, approve(id, approverKey)).rule());
        assertTrue(consumer.released.isEmpty() && consumer.denied.isEmpty());
        assertFalse(engine().show(id).isPresent());
    }

    static final class RecordingRelease implements ApprovalRelease {
        final List<String> released = new ArrayList<>();
        final List<String> denied = new ArrayList<>();
        int reauthorized;
        PipelineDecision reauthorization = PipelineDecision.allowed(allowance(), "allow_commands");
        Runnable onRelease = () -> { };

        @Override
        public PipelineDecision reauthorize(Hold hold) {
            reauthorized++;
            return reauthorization;
        }

        @Override
        public void release(Hold hold, Allowance allowance) {
            onRelease.run();
            released.add(hold.requestId());
        }

        @Override
        public void deny(Hold hold, String reason, String detail) {
            denied.add(hold.requestId() + " " + reason);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
