package org.mxagent.policy.impl;

import org.mxagent.protocol.api.event.RejectReason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.ApprovalGate;
import org.mxagent.policy.api.ApprovalVerdict;
import org.mxagent.policy.api.AuditVerification;
import org.mxagent.policy.api.PipelineDecision;
import org.mxagent.policy.api.PipelineDecision.Outcome;
import org.mxagent.policy.api.PrivilegedRequest;
import org.mxagent.policy.api.ReceivePipeline;
import org.mxagent.policy.api.Rules;
import org.mxagent.policy.api.SignatureCheck;

class ReceivePipelineTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final String POLICY = """
            [rooms."!ops:x"]
            trusted = true
            [rooms."!ops:x".agents."@alice:x"]
            allow_exec = true
            allow_commands = ["ls"]
            allow_cwd = ["/work"]
            allow_tools = ["search"]
            [rooms."!gated:x"]
            trusted = true
            [rooms."!gated:x".agents."@alice:x"]
            allow_exec = true
            allow_commands = ["ls"]
            allow_cwd = ["/work"]
            requires_approval = true
            [rooms."!verified:x"]
            trusted = true
            require_verified_device = true
            [rooms."!verified:x".agents."@alice:x"]
            allow_exec = true
            allow_commands = ["ls"]
            allow_cwd = ["/work"]
            """;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);
    private final ObjectMapper mapper = new ObjectMapper();
    private final FakeApprovals approvals = new FakeApprovals();
    private FileTrustStore trust;
    private FileReplayCache replay;
    private HashChainAuditLog audit;
    private boolean deviceVerified;
    private int nonceCounter;

    @BeforeEach
    void setUp() throws IOException {
        trust = new FileTrustStore(dir, clock);
        trust.approve(FileTrustStoreTest.AGENT, FileTrustStoreTest.KEY, "local:op");
        replay = new FileReplayCache(dir, 16, Duration.ofSeconds(300), Duration.ofSeconds(60), clock);
        audit = new HashChainAuditLog(dir);
        Files.writeString(dir.resolve("policy.toml"), POLICY);
    }

    private ReceivePipeline pipeline() {
        PolicyHolder policy = new PolicyHolder(dir.resolve("policy.toml"), CommandResolver.none());
        return new ReceivePipeline(RequestBuilder.THIS_AGENT, trust, replay, policy,
                (user, device) -> deviceVerified, approvals, audit, clock);
    }

    // --- the genuine request ----------------------------------------------------------------------------

    @Test
    void genuineRequestIsAllowedAndAudited() throws IOException {
        PipelineDecision decision = pipeline().receive(request().build());

        assertEquals(Outcome.ALLOWED, decision.outcome());
        assertEquals(Rules.ALLOW_COMMANDS, decision.rule());
        assertEquals(Allowance.DEFAULT_TIMEOUT_MS, decision.allowance().orElseThrow().timeoutMs());
        JsonNode record = onlyAuditRecord();
        assertEquals("allowed", record.get("decision").asText());
        assertEquals("allow_commands", record.get("policy_rule").asText());
        assertEquals("[\"ls\",\"-la\"]", record.get("command").toString());
        assertEquals("none", record.get("sandbox").asText());
    }

    @Test
    void allowedCallIsAuditedWithItsToolOnly() throws IOException {
        PipelineDecision decision = pipeline().receive(request().call("search@2.0").build());
        assertEquals(Outcome.ALLOWED, decision.outcome());
        assertEquals(Rules.ALLOW_TOOLS, decision.rule());
        JsonNode record = onlyAuditRecord();
        assertEquals("call", record.get("request").asText());
        assertEquals("search@2.0", record.get("tool").asText());
        assertFalse(record.has("command"));
    }

    // --- 1. signature -----------------------------------------------------------------------------------

    @Test
    void signatureFailuresAreRejectedWithTheirWireCodes() throws IOException {
        assertRejected(RejectReason.UNSIGNED, Rules.UNSIGNED, request().signature(SignatureCheck.UNSIGNED));
        assertRejected(RejectReason.INVALID_SIGNATURE, Rules.INVALID_SIGNATURE,
                request().signature(SignatureCheck.INVALID));
        assertRejected(RejectReason.INVALID_SIGNATURE, Rules.KEY_ID_MISMATCH,
                request().signature(SignatureCheck.KEY_ID_MISMATCH));
        assertRejected(RejectReason.UNTRUSTED_KEY, Rules.UNKNOWN_KEY, request().signature(SignatureCheck.UNKNOWN_KEY));
        assertNothingAdmittedOrAudited();
    }

    @Test
    void signatureIsCheckedFirst() throws IOException {
        assertRejected(RejectReason.UNSIGNED, Rules.UNSIGNED, request().signature(SignatureCheck.UNSIGNED)
                .target("agt_someone_else_entirely_xx").key(FileTrustStoreTest.OTHER_KEY).published("@eve:x"));
    }

    // --- 2. target --------------------------------------------------------------------------------------

    @Test
    void requestForAnotherAgentIsRejectedBeforeTrust() throws IOException {
        assertRejected(RejectReason.WRONG_TARGET, Rules.WRONG_TARGET,
                request().target("agt_01HZY3M6W8K9Q2R4T5V7X9Z1ZZ").key(FileTrustStoreTest.OTHER_KEY));
        assertNothingAdmittedOrAudited();
    }

    // --- 3. trust ---------------------------------------------------------------------------------------

    @Test
    void untrustedAndRevokedKeysAreRejected() throws IOException {
        assertRejected(RejectReason.UNTRUSTED_KEY, Rules.UNTRUSTED_KEY, request().key(FileTrustStoreTest.OTHER_KEY));
        trust.revoke(FileTrustStoreTest.KEY);
        assertRejected(RejectReason.UNTRUSTED_KEY, Rules.UNTRUSTED_KEY, request());
        assertNothingAdmittedOrAudited();
    }

    // --- 4. sender pinning ------------------------------------------------------------------------------

    @Test
    void senderOtherThanThePublishedUserIsRejected() throws IOException {
        assertRejected(RejectReason.INVALID_SIGNATURE, Rules.SENDER_MISMATCH, request().sender("@mallory:x"));
        assertRejected(RejectReason.INVALID_SIGNATURE, Rules.SENDER_MISMATCH, request().published(""));
        assertNothingAdmittedOrAudited();
    }

    // --- 5. time window and nonce -----------------------------------------------------------------------

    @Test
    void replayIsDroppedWithoutAnAnswerOrASecondAuditRecord() throws IOException {
        PrivilegedRequest genuine = request().build();
        assertEquals(Outcome.ALLOWED, pipeline().receive(genuine).outcome());

        PipelineDecision replayed = pipeline().receive(genuine);

        assertEquals(PipelineDecision.dropped("replayed", "nonce not admitted: replayed"), replayed);
        assertEquals(1, auditRecords().size());
    }

    @Test
    void expiredRequestIsDroppedAndOverlongOrFutureWindowsAreMalformed() throws IOException {
        assertEquals(Outcome.DROPPED, pipeline().receive(request().created(NOW.minusSeconds(400))
                .expires(NOW.minusSeconds(100)).build()).outcome());
        assertRejected(RejectReason.MALFORMED_REQUEST, "lifetime_out_of_bounds",
                request().expires(NOW.plusSeconds(3600)));
        assertRejected(RejectReason.MALFORMED_REQUEST, "created_in_future", request().created(NOW.plusSeconds(120))
                .expires(NOW.plusSeconds(200)));
        assertNothingAdmittedOrAudited();
    }

    // --- 6. policy --------------------------------------------------------------------------------------

    @Test
    void policyDenialIsRejectedAndAudited() throws IOException {
        assertRejected(RejectReason.POLICY_DENIED, Rules.COMMAND_NOT_ALLOWED,
                request().exec("/work", Set.of(), "rm", "x"));
        JsonNode record = onlyAuditRecord();
        assertEquals("denied", record.get("decision").asText());
        assertEquals("deny:command_not_allowed", record.get("policy_rule").asText());
        assertFalse(record.has("sandbox"));
    }

    @Test
    void policyIsKeyedByTheAuthenticatedSenderAndRoom() throws IOException {
        trust.approve(FileTrustStoreTest.OTHER_AGENT, FileTrustStoreTest.OTHER_KEY, "local:op");
        RequestBuilder bob = request().key(FileTrustStoreTest.OTHER_KEY).sender("@bob:x").published("@bob:x");
        assertRejected(RejectReason.POLICY_DENIED, Rules.AGENT_UNKNOWN, bob);
        assertRejected(RejectReason.POLICY_DENIED, Rules.ROOM_UNKNOWN, request().room("!elsewhere:x"));
    }

    @Test
    void forbiddenEnvOverrideIsRejectedWithItsOwnCode() throws IOException {
        assertRejected(RejectReason.ENV_OVERRIDE_NOT_ALLOWED, Rules.ENV_OVERRIDE_NOT_ALLOWED,
                request().exec("/work", Set.of("LD_PRELOAD"), "ls"));
    }

    // --- 7. verified device -----------------------------------------------------------------------------

    @Test
    void unverifiedDeviceIsRejectedWhenPolicyDemandsVerification() throws IOException {
        assertRejected(RejectReason.UNVERIFIED_DEVICE, Rules.UNVERIFIED_DEVICE, request().room("!verified:x"));
        deviceVerified = true;
        assertEquals(Outcome.ALLOWED, pipeline().receive(request().room("!verified:x").build()).outcome());
    }

    @Test
    void deviceIsNotConsultedWhenPolicyDoesNotAsk() {
        deviceVerified = false;
        assertEquals(Outcome.ALLOWED, pipeline().receive(request().build()).outcome());
    }

    // --- 8. approval ------------------------------------------------------------------------------------

    @Test
    void approvalVerdictsMapToHeldReleasedDeniedAndExpired() throws IOException {
        approvals.verdict = ApprovalVerdict.HELD;
        PipelineDecision held = pipeline().receive(request().room("!gated:x").build());
        assertEquals(Outcome.HELD, held.outcome());
        assertTrue(held.allowance().orElseThrow().requiresApproval());

        approvals.verdict = ApprovalVerdict.APPROVED;
        assertEquals(Outcome.ALLOWED, pipeline().receive(request().room("!gated:x").build()).outcome());

        approvals.verdict = ApprovalVerdict.DENIED;
        assertRejected(RejectReason.APPROVAL_DENIED, Rules.APPROVAL_DENIED, request().room("!gated:x"));

        approvals.verdict = ApprovalVerdict.EXPIRED;
        assertRejected(RejectReason.APPROVAL_EXPIRED, Rules.APPROVAL_EXPIRED, request().room("!gated:x"));

        List<JsonNode> records = auditRecords();
        assertEquals(List.of("held", "released", "denied", "expired"),
                records.stream().map(r -> r.get("decision").asText()).toList());
        assertEquals(List.of("allow_commands", "allow_commands", "deny:approval_denied", "approval_expired"),
                records.stream().map(r -> r.get("policy_rule").asText()).toList());
        assertEquals(4, approvals.checked);
    }

    @Test
    void approvalIsNotAskedForWhenPolicyDoesNotRequireIt() {
        approvals.verdict = ApprovalVerdict.DENIED;
        assertEquals(Outcome.ALLOWED, pipeline().receive(request().build()).outcome());
        assertEquals(0, approvals.checked);
    }

    // --- 9. audit ---------------------------------------------------------------------------------------

    @Test
    void failedAuditWriteTurnsAnAllowanceIntoADenial() throws IOException {
        Files.createDirectory(dir.resolve("audit.log"));
        PipelineDecision decision = pipeline().receive(request().build());
        assertEquals(Outcome.REJECTED, decision.outcome());
        assertEquals(Optional.of(RejectReason.POLICY_DENIED), decision.reason());
        assertEquals(Rules.AUDIT_UNAVAILABLE, decision.rule());
    }

    @Test
    void failedAuditWriteWithdrawsAHold() throws IOException {
        Files.createDirectory(dir.resolve("audit.log"));
        approvals.verdict = ApprovalVerdict.HELD;
        PipelineDecision decision = pipeline().receive(request().room("!gated:x").build());
        assertEquals(Rules.AUDIT_UNAVAILABLE, decision.rule());
        assertEquals(1, approvals.withdrawn.size());
    }

    @Test
    void failedAuditWriteKeepsADenialsOwnReason() throws IOException {
        Files.createDirectory(dir.resolve("audit.log"));
        PipelineDecision decision = pipeline().receive(request().exec("/work", Set.of(), "rm").build());
        assertEquals(Optional.of(RejectReason.POLICY_DENIED), decision.reason());
        assertEquals(Rules.COMMAND_NOT_ALLOWED, decision.rule());
        assertTrue(decision.detail().contains("audit log write failed"), decision.detail());
    }

    // --- the flood --------------------------------------------------------------------------------------

    @Test
    void unsignedFloodNeverReachesTheReplayCacheSoAGenuineReplayIsStillCaught() throws IOException {
        ReceivePipeline pipeline = pipeline();
        PrivilegedRequest genuine = request().build();
        assertEquals(Outcome.ALLOWED, pipeline.receive(genuine).outcome());

        // Each junk request expires later than the genuine one: had it been admitted, the genuine nonce would
        // be the soonest-expiring entry and the first one evicted from this 16-entry cache.
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 10_000; i++) {
            PipelineDecision junk = pipeline.receive(request().signature(SignatureCheck.UNSIGNED).build());
            assertEquals(Optional.of(RejectReason.UNSIGNED), junk.reason());
        }

        assertEquals(1, replay.size());
        assertEquals(Outcome.DROPPED, pipeline.receive(genuine).outcome());
        assertEquals("replayed", pipeline.receive(genuine).rule());
        assertEquals(AuditVerification.intact(1), audit.verify());
    }

    @Test
    void floodOfTrustedRequestsWouldEvictWhichIsWhyOnlyTheyMayReachTheCache() {
        // The same flood, but signed with a trusted key: this is what the ordering keeps strangers from doing.
        ReceivePipeline pipeline = pipeline();
        PrivilegedRequest genuine = request().build();
        pipeline.receive(genuine);
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 16; i++) {
            pipeline.receive(request().build());
        }
        assertEquals(Outcome.ALLOWED, pipeline.receive(genuine).outcome());
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private RequestBuilder request() {
        return new RequestBuilder("nonce-" + nonceCounter++, clock.instant());
    }

    private void assertRejected(RejectReason reason, String rule, RequestBuilder request) {
        PipelineDecision decision = pipeline().receive(request.build());
        assertEquals(Outcome.REJECTED, decision.outcome(), decision::toString);
        assertEquals(Optional.of(reason), decision.reason(), decision::toString);
        assertEquals(rule, decision.rule(), decision::toString);
    }

    private void assertNothingAdmittedOrAudited() throws IOException {
        assertEquals(0, replay.size());
        assertEquals(AuditVerification.intact(0), audit.verify());
    }

    private JsonNode onlyAuditRecord() throws IOException {
        List<JsonNode> records = auditRecords();
        assertEquals(1, records.size());
        return records.get(0);
    }

    private List<JsonNode> auditRecords() throws IOException {
        List<JsonNode> records = new ArrayList<>();
        Path file = dir.resolve("audit.log");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                records.add(mapper.readTree(line));
            }
        }
        return records;
    }

    /** An approval workflow whose answer each test sets. */
    private static final class FakeApprovals implements ApprovalGate {
        ApprovalVerdict verdict = ApprovalVerdict.HELD;
        int checked;
        final List<PrivilegedRequest> withdrawn = new ArrayList<>();

        @Override
        public ApprovalVerdict check(PrivilegedRequest request, Allowance allowance) {
            checked++;
            return verdict;
        }

        @Override
        public void withdraw(PrivilegedRequest request) {
            withdrawn.add(request);
        }
    }
}
