package org.mxagent.exec.impl.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mxagent.exec.impl.requester.LoopbackAllowance;
import org.mxagent.exec.impl.testing.FakeExec;
import org.mxagent.exec.impl.testing.FakeMatrixClient;
import org.mxagent.exec.impl.testing.FakeRegistry;
import org.mxagent.exec.impl.testing.KeySigner;
import org.mxagent.exec.impl.testing.Loggers;
import org.mxagent.exec.impl.testing.Peers;
import org.mxagent.exec.impl.wire.Agents;
import org.mxagent.exec.impl.wire.ClientRef;
import org.mxagent.exec.impl.wire.SendRetry;
import org.mxagent.exec.impl.wire.SignedSender;
import org.mxagent.policy.api.Admission;
import org.mxagent.policy.api.AuditRecord;
import org.mxagent.policy.api.CallRequestFacts;
import org.mxagent.policy.api.Decision;
import org.mxagent.policy.api.DeviceCheck;
import org.mxagent.policy.api.ExecRequestFacts;
import org.mxagent.policy.api.ExecutionPolicy;
import org.mxagent.policy.api.PolicyCheck;
import org.mxagent.protocol.api.Nonces;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ChunkEncoding;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ExecCancel;
import org.mxagent.protocol.api.event.ExecRequest;
import org.mxagent.protocol.api.event.ExecStdin;
import org.mxagent.protocol.api.event.RejectReason;
import org.mxagent.protocol.api.event.StreamChunk;
import org.mxagent.protocol.api.event.StreamName;
import org.mxagent.protocol.api.sign.SignatureVerifier;
import org.mxagent.terminal.api.ExecException;
import org.mxagent.transport.api.RoomEvent;

/**
 * The target side with real signatures and fakes around it: what is sent for a valid, an unsigned, a misaddressed,
 * a malformed and a denied request, and which control frames reach the run.
 */
class ExecRequestHandlerTest {
    private static final Executor DIRECT = Runnable::run;

    private final Peers.Peer alice = Peers.peer("agt_01JAAAAAAAAAAAAAAAAAAAAAAA", "@alice:test", false);
    private final Peers.Peer bob = Peers.peer("agt_01JBBBBBBBBBBBBBBBBBBBBBBB", "@bob:test", true);
    private final Peers.Peer eve = Peers.peer("agt_01JEEEEEEEEEEEEEEEEEEEEEEE", "@eve:test", false);
    private final FakeMatrixClient client = new FakeMatrixClient(bob.userId());
    private final FakeExec exec = new FakeExec();
    private final Set<String> trusted = new HashSet<>();
    private final Set<String> nonces = new HashSet<>();
    private final List<AuditRecord> audit = new ArrayList<>();
    private final Loggers.Recording log = Loggers.recording();
    private final java.util.concurrent.ScheduledExecutorService timer =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    private Decision verdict;
    private RunRegistry runs;
    private InboundRouter router;
    private HoldGates gates = HoldGates.NONE;
    private HeldRequests held;
    private final List<String> holds = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @BeforeEach
    void wire() {
        trusted.add(alice.key().keyId());
        verdict = new Decision.Allowed(LoopbackAllowance.of(ExecutionPolicy.defaults(), OptionalLong.empty()),
                "allow_commands");
        ClientRef ref = new ClientRef();
        ref.bind(client);
        Agents agents = new Agents(new FakeRegistry().with(alice).with(bob).with(eve));
        runs = new RunRegistry();
        SignedSender sender = new SignedSender(ref, new KeySigner(bob.key()),
                SendRetry.within(java.time.Duration.ZERO));
        RunServices services = new RunServices(sender, new ArtifactUploader(ref, log.logger),
                new InvocationStates(ref, DIRECT, log.logger, Clock.systemUTC()), runs, DIRECT, timer, 60_000,
                log.logger, Clock.systemUTC());
        PolicyCheck policy = new PolicyCheck() {
            @Override
            public Decision evaluateExec(ExecRequestFacts facts) {
                return verdict;
            }

            @Override
            public Decision evaluateCall(CallRequestFacts facts) {
                return verdict;
            }
        };
        PipelineFactory pipelines = new PipelineFactory(trusted::contains,
                (nonce, created, expires, now) -> nonces.add(nonce) ? Admission.ADMITTED : Admission.REPLAYED,
                policy, DeviceCheck::noneVerified, audit::add, Clock.systemUTC());
        ExecRequestHandler execs = new ExecRequestHandler(agents, pipelines, () -> gates, exec, services);
        router = new InboundRouter(new org.mxagent.exec.impl.wire.SerialQueue(DIRECT, log.logger, "test", false),
                execs, null, new ControlHandler(runs, trusted::contains, log.logger));
        held = new HeldRequestDesk(execs, null, log.logger);
    }

    private ExecRequest request(String target, String idempotencyKey) {
        Instant now = Instant.now();
        String invocation = "inv_01JQQQQQQQQQQQQQQQQQQQQQQQ";
        return new ExecRequest(invocation, "req_01JQQQQQQQQQQQQQQQQQQQQQQQ", target, alice.agentId(),
                List.of("echo", "hi"), "/tmp", Map.of(), true, true, false, 5000, null, Timestamps.seconds(now),
                Timestamps.seconds(now.plusSeconds(300)), Nonces.newNonce(), idempotencyKey, Optional.empty(), Map.of());
    }

    private ExecRequest valid() {
        return request(bob.agentId(), "exec:inv_01JQQQQQQQQQQQQQQQQQQQQQQQ");
    }

    private List<String> sentTypes() {
        return client.sent().stream().map(FakeMatrixClient.Sent::type).toList();
    }

    private ObjectNode only(String type) {
        List<FakeMatrixClient.Sent> sent = client.sent(type);
        assertEquals(1, sent.size(), () -> type + " in " + sentTypes());
        ObjectNode content = sent.get(0).content();
        assertTrue(SignatureVerifier.verify(content, bob.key().publicKeyBase64(), bob.key().keyId()).isValid(),
                () -> type + " is signed by the target's key");
        return content;
    }

    @Test
    void aValidRequestRunsAndEverythingItSendsIsSignedAndInOrder() {
        router.accept(alice.event(valid()));
        assertEquals(1, exec.runs.size());
        FakeExec.Run run = exec.runs.get(0);
        assertEquals(List.of("echo", "hi"), run.spec.argv());
        assertEquals(1, audit.size());

        byte[] hello = "hello\n".getBytes(StandardCharsets.UTF_8);
        run.sink.chunk(new StreamChunk(run.invocationId(), StreamName.STDOUT, 0, ChunkEncoding.UTF_8, "hello\n", false,
                false, org.mxagent.terminal.api.stream.ChunkPayload.sha256(hello, 0, hello.length),
                Timestamps.millis(Instant.now()), Optional.empty(), Map.of()));
        run.exit(0);

        List<String> timeline = sentTypes().stream().filter(t -> !t.equals(EventTypes.INVOCATION)).toList();
        assertEquals(List.of(EventTypes.EXEC_ACCEPTED, EventTypes.STREAM_CHUNK, EventTypes.EXEC_FINISHED), timeline);
        ObjectNode finished = only(EventTypes.EXEC_FINISHED);
        assertEquals(0, finished.get("exit_code").asInt());
        assertTrue(finished.get("signal").isNull(), "explicit null, not omitted");
        assertTrue(finished.get("artifact_mxc").isNull(), "explicit null, not omitted");
        only(EventTypes.STREAM_CHUNK);
        List<String> states = client.sent(EventTypes.INVOCATION).stream()
                .map(s -> s.content().get("state").asText()).toList();
        assertEquals(List.of("succeeded"), states, "a short run publishes its final state only");
        assertTrue(runs.all().isEmpty(), "the run is forgotten once finished");
    }

    @Test
    void unsignedForgedAndMisaddressedRequestsNeverRun() {
        router.accept(Peers.event(alice.userId(), EventTypes.EXEC_REQUEST,
                org.mxagent.protocol.api.event.ProtocolCodec.encode(valid())));
        assertEquals("unsigned", only(EventTypes.EXEC_REJECTED).get("reason").asText());

        client.clear();
        router.accept(Peers.event(alice.userId(), EventTypes.EXEC_REQUEST, eve.sign(valid())));
        assertTrue(exec.runs.isEmpty());

        router.accept(alice.event(request(eve.agentId(), "exec:inv_01JQQQQQQQQQQQQQQQQQQQQQQQ")));
        assertTrue(exec.runs.isEmpty());
        assertTrue(audit.isEmpty(), "nothing before the policy step is audited");
    }

    @Test
    void aBadIdempotencyKeyIsMalformedAndTheNonceStaysUnburned() {
        router.accept(alice.event(request(bob.agentId(), "exec:something-else")));
        assertEquals(RejectReason.MALFORMED_REQUEST.wire(), only(EventTypes.EXEC_REJECTED).get("reason").asText());
        assertTrue(nonces.isEmpty());
        assertTrue(exec.runs.isEmpty());
    }

    @Test
    void policyDenialAndAStartTheSandboxRefusesAreRejectedWithTheirReasons() {
        verdict = new Decision.Denied(RejectReason.POLICY_DENIED, "command_not_allowed", "not allowed");
        router.accept(alice.event(valid()));
        assertEquals("policy_denied", only(EventTypes.EXEC_REJECTED).get("reason").asText());

        client.clear();
        verdict = new Decision.Allowed(LoopbackAllowance.of(ExecutionPolicy.defaults(), OptionalLong.empty()),
                "allow_commands");
        exec.refuseNext(new ExecException(RejectReason.SANDBOX_REQUIRED, "no bwrap", null));
        router.accept(alice.event(valid()));
        assertTrue(client.sent(EventTypes.EXEC_REJECTED).stream()
                .anyMatch(s -> s.content().get("reason").asText().equals("sandbox_required")), sentTypes()::toString);
    }

    @Test
    void onlyTheRequestersSignedFreshControlFramesReachTheRun() {
        router.accept(alice.event(valid()));
        FakeExec.Run run = exec.runs.get(0);
        String invocation = run.invocationId();
        Instant now = Instant.now();
        ExecStdin input = new ExecStdin(invocation, Base64.getEncoder().encodeToString("ok".getBytes()), false,
                Timestamps.seconds(now), Nonces.newNonce(), Optional.empty(), Map.of());
        ExecCancel cancel = new ExecCancel(invocation, "stop", Timestamps.seconds(now), Nonces.newNonce(),
                Optional.empty(), Map.of());

        router.accept(eve.event(cancel));
        router.accept(Peers.event(alice.userId(), EventTypes.EXEC_CANCEL, eve.sign(cancel)));
        router.accept(Peers.event(alice.userId(), EventTypes.EXEC_STDIN,
                org.mxagent.protocol.api.event.ProtocolCodec.encode(input)));
        assertTrue(run.cancels.isEmpty(), "no forged cancel");
        assertEquals(0, run.stdin.size(), "no unsigned input");

        RoomEvent genuine = alice.event(input);
        router.accept(genuine);
        router.accept(genuine);
        assertEquals("ok", run.stdin.toString(StandardCharsets.UTF_8), "the genuine frame once, the replay ignored");
        assertTrue(log.contains("nonce already used"));

        trusted.remove(alice.key().keyId());
        router.accept(alice.event(cancel));
        assertTrue(run.cancels.isEmpty(), "a key revoked meanwhile stops counting");
        trusted.add(alice.key().keyId());
        router.accept(alice.event(cancel));
        assertEquals(List.of("stop"), run.cancels);
    }

    @Test
    void aHeldRequestRunsOnlyOnReleaseAfterAFreshAuthorization() {
        verdict = new Decision.Allowed(new org.mxagent.policy.api.Allowance(5000, OptionalLong.empty(),
                org.mxagent.policy.api.SandboxKind.NONE, Optional.empty(), org.mxagent.policy.api.NetworkMode.DENY,
                List.of(), List.of(), List.of(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                org.mxagent.policy.api.SeccompMode.OFF, true, false, List.of()), "allow_commands");
        gates = (consumer, event, requestId) -> new org.mxagent.policy.api.ApprovalGate() {
            @Override
            public org.mxagent.policy.api.ApprovalVerdict check(org.mxagent.policy.api.PrivilegedRequest request,
                    org.mxagent.policy.api.Allowance allowance) {
                holds.add(consumer + " " + requestId + " " + event.eventId());
                return org.mxagent.policy.api.ApprovalVerdict.HELD;
            }

            @Override
            public void withdraw(org.mxagent.policy.api.PrivilegedRequest request) {
                holds.remove(0);
            }
        };
        RoomEvent event = alice.event(valid());
        router.accept(event);
        assertEquals(List.of("exec req_01JQQQQQQQQQQQQQQQQQQQQQQQ " + event.eventId()), holds);
        assertTrue(exec.runs.isEmpty(), "held: nothing runs");
        assertTrue(client.sent(EventTypes.EXEC_REJECTED).isEmpty(), "held: nothing is answered");

        HeldRequests.Held request = new HeldRequests.Held(HeldRequests.EXEC, Peers.ROOM, alice.userId(),
                Optional.empty(), EventTypes.EXEC_REQUEST, event.eventId(), event.content());
        org.mxagent.policy.api.PipelineDecision again = held.reauthorize(request);
        assertTrue(again.outcome() == org.mxagent.policy.api.PipelineDecision.Outcome.ALLOWED, again::toString);
        assertEquals("released", audit.get(audit.size() - 1).decision().wire(), "the release is audited");

        trusted.remove(alice.key().keyId());
        assertEquals("untrusted_key", held.reauthorize(request).reason().orElseThrow().wire(),
                "a key revoked while held stops the release");
        trusted.add(alice.key().keyId());

        held.release(request, again.allowance().orElseThrow());
        assertEquals(1, exec.runs.size(), "released: it runs");
        held.deny(new HeldRequests.Held(HeldRequests.EXEC, Peers.ROOM, alice.userId(), Optional.empty(),
                EventTypes.EXEC_REQUEST, event.eventId(), event.content()), "approval_expired");
        assertTrue(client.sent(EventTypes.EXEC_REJECTED).stream()
                .anyMatch(s -> s.content().get("reason").asText().equals("approval_expired")));
    }
}
