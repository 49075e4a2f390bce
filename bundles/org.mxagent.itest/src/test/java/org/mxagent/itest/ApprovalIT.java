package org.mxagent.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mxagent.approval.api.ApprovalException;
import org.mxagent.approval.api.ApprovalHolds;
import org.mxagent.approval.api.ApprovalRelease;
import org.mxagent.approval.api.Approvals;
import org.mxagent.approval.api.Hold;
import org.mxagent.approval.api.HoldOrigin;
import org.mxagent.discovery.api.Visibility;
import org.mxagent.discovery.api.WorkspaceService;
import org.mxagent.discovery.api.WorkspaceSpec;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.ApprovalVerdict;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.policy.api.PipelineDecision;
import org.mxagent.policy.api.PolicyService;
import org.mxagent.policy.api.PolicyStatus;
import org.mxagent.policy.api.PrivilegedRequest;
import org.mxagent.policy.api.RequestPayload;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.policy.api.SeccompMode;
import org.mxagent.policy.api.SignatureCheck;
import org.mxagent.policy.api.TrustStore;
import org.mxagent.protocol.api.Nonces;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ApprovalDecision;
import org.mxagent.protocol.api.event.ApprovalOutcome;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.sign.EventSigner;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.protocol.api.sign.SigningKey;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.RoomEvent;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * Approvals against the real Synapse: a held request is posted to the room as approval.request; a decision from
 * a room member who is no approver is ignored; a signed decision from the daemon's own user released it exactly
 * once (a replay changes nothing); a hold nobody decides expires and is denied with approval_expired.
 */
@ExtendWith(BundleContextExtension.class)
@ExtendWith(ServiceExtension.class)
class ApprovalIT {
    static final Duration WAIT = Duration.ofSeconds(60);

    @InjectBundleContext
    BundleContext context;
    @InjectService(timeout = 10000)
    MatrixAccount account;
    @InjectService(timeout = 10000)
    WorkspaceService workspaces;
    @InjectService(timeout = 10000)
    LocalSigner signer;
    @InjectService(timeout = 10000)
    TrustStore trust;
    @InjectService(timeout = 10000)
    PolicyService policy;
    @InjectService(timeout = 10000)
    RuntimeDirectories directories;
    @InjectService(timeout = 10000)
    ConfigurationAdmin configurationAdmin;

    /** The test's consumer: records what it was asked to run or deny. */
    static final class Recorder implements ApprovalRelease {
        final List<String> released = new CopyOnWriteArrayList<>();
        final List<String> denied = new CopyOnWriteArrayList<>();

        @Override
        public PipelineDecision reauthorize(Hold hold) {
            return PipelineDecision.allowed(allowance(), "allow_commands");
        }

        @Override
        public void release(Hold hold, Allowance allowance) {
            released.add(hold.requestId());
        }

        @Override
        public void deny(Hold hold, String reason, String detail) {
            denied.add(hold.requestId() + " " + reason);
        }
    }

    static Allowance allowance() {
        return new Allowance(600_000, OptionalLong.empty(), SandboxKind.NONE, Optional.empty(), NetworkMode.DENY,
                List.of(), List.of(), List.of(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                SeccompMode.OFF, true, false, List.of());
    }

    /** The runtime logged in, a room, a second user (member, not an approver) and the recorder registered. */
    final class World implements AutoCloseable {
        final RuntimeLogin login = new RuntimeLogin();
        final DevHomeserver.User stranger;
        final MatrixClient client;
        final String roomId;
        final Recorder recorder = new Recorder();
        final ServiceRegistration<ApprovalRelease> registration;

        World(String name) throws Exception {
            DevHomeserver.User operator = login.register("appr-" + name);
            stranger = login.register("stranger-" + name);
            client = login.login(context, account, operator);
            roomId = workspaces.create(new WorkspaceSpec("appr-" + name + "-" + login.runId, "Approvals " + name,
                    "", Visibility.PRIVATE, false, "", "")).roomId();
            client.invite(roomId, stranger.userId());
            login.homeserver.join(stranger, roomId);
            Files.writeString(directories.configDir().resolve("policy.toml"), String.join("\n",
                    "[rooms.\"" + roomId + "\"]",
                    "trusted = true",
                    "approvers = [\"@nobody-" + login.runId + ":localhost\"]",
                    ""), StandardCharsets.UTF_8);
            PolicyStatus status = policy.reload();
            assertThat(status.state()).as("policy: %s", status.message()).isEqualTo(PolicyStatus.State.OK);
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(ApprovalRelease.CONSUMER, "itest-" + name);
            registration = context.registerService(ApprovalRelease.class, recorder, properties);
        }

        ApprovalVerdict hold(ApprovalHolds holds, String requestId, String name) {
            String nonce = Nonces.newNonce();
            Instant now = Instant.now();
            PrivilegedRequest request = new PrivilegedRequest(roomId, stranger.userId(), Optional.empty(),
                    "agt_requester", "agt_target", "mxagent-ed25519:k", SignatureCheck.VALID, stranger.userId(),
                    nonce, Timestamps.seconds(now), Timestamps.seconds(now.plusSeconds(300)),
                    Optional.of("inv_" + requestId), new RequestPayload.Exec(List.of("/bin/echo", name), "/tmp",
                            Set.of(), OptionalLong.empty()));
            ObjectNode original = ProtocolJson.newObject().put("request_id", requestId).put("nonce", nonce);
            return holds.withOrigin(new HoldOrigin("itest-" + name, EventTypes.EXEC_REQUEST, "$" + requestId,
                    requestId, original)).check(request, allowance());
        }

        ObjectNode decision(String requestId, ApprovalOutcome outcome) {
            Instant now = Instant.now();
            return ProtocolCodec.encode(new ApprovalDecision(requestId, outcome, "it", Timestamps.seconds(now),
                    Optional.of(Nonces.newNonce()), Optional.of(Timestamps.seconds(now.plusSeconds(300))),
                    Optional.empty(), Map.of()));
        }

        @Override
        public void close() {
            registration.unregister();
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aSignedDecisionFromAnAllowedApproverReleasesTheHoldExactlyOnce() throws Exception {
        try (World world = new World("rel")) {
            ApprovalHolds holds = service(ApprovalHolds.class);
            Approvals approvals = service(Approvals.class);
            RoomEventWaiter requests = new RoomEventWaiter(context, world.roomId, EventTypes.APPROVAL_REQUEST);
            String requestId = "req_" + world.login.runId;
            assertThat(world.hold(holds, requestId, "rel")).isEqualTo(ApprovalVerdict.HELD);

            RoomEvent posted = requests.await("approval.request " + requestId,
                    e -> requestId.equals(e.content().path("request_id").asText()), WAIT);
            requests.close();
            assertThat(posted.sender()).isEqualTo(world.client.session().userId());
            assertThat(posted.content().path("invocation_id").asText()).isEqualTo("inv_" + requestId);
            assertThat(posted.content().path("requester").asText()).isEqualTo("agt_requester");
            assertThat(posted.content().path("target").asText()).isEqualTo("agt_target");
            assertThat(posted.content().path("risk").asText()).isEqualTo("medium");
            assertThat(posted.content().path("summary").asText()).contains("/bin/echo rel");
            Instant expires = Timestamps.parse(posted.content().path("expires_at").asText());
            assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofMinutes(58),
                    Duration.ofMinutes(61));
            assertThat(approvals.show(requestId)).isPresent();

            // a room member who is no approver denies, with a key this runtime even trusts: ignored
            SigningKey strangerKey = SigningKey.generate();
            trust.approve(org.mxagent.protocol.api.Ids.newAgentId(), strangerKey.keyId(), "approval-it");
            ObjectNode strangerDenial = EventSigner.sign(world.decision(requestId, ApprovalOutcome.DENIED),
                    strangerKey);
            world.login.homeserver.send(world.stranger, world.roomId, EventTypes.APPROVAL_DECISION, "deny-1",
                    strangerDenial);

            // the daemon's own user approves, signed with this runtime's key, through the room
            ObjectNode approval = signer.sign(world.decision(requestId, ApprovalOutcome.APPROVED));
            world.client.sendEvent(world.roomId, EventTypes.APPROVAL_DECISION, approval);
            Eventually.await("release of " + requestId, () -> !world.recorder.released.isEmpty(), WAIT);
            assertThat(world.recorder.denied).as("the stranger's denial was ignored").isEmpty();
            assertThat(approvals.show(requestId)).isEmpty();

            // a replay of the approval, and the operator approving again, change nothing
            world.client.sendEvent(world.roomId, EventTypes.APPROVAL_DECISION, approval);
            assertThatThrownBy(() -> approvals.approve(requestId)).isInstanceOf(ApprovalException.class)
                    .hasMessageContaining("no held request");
            // a sentinel hold released after the replay: decisions are applied in room order, one at a time
            String sentinel = "req_sentinel_" + world.login.runId;
            assertThat(world.hold(holds, sentinel, "rel")).isEqualTo(ApprovalVerdict.HELD);
            world.client.sendEvent(world.roomId, EventTypes.APPROVAL_DECISION,
                    signer.sign(world.decision(sentinel, ApprovalOutcome.APPROVED)));
            Eventually.await("release of " + sentinel, () -> world.recorder.released.contains(sentinel), WAIT);
            assertThat(world.recorder.released).containsExactly(requestId, sentinel);
            assertThat(world.recorder.denied).isEmpty();
            System.out.println("approval: " + requestId + " released once; stranger's denial and replay ignored");
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aHoldNobodyDecidesExpiresAndIsDenied() throws Exception {
        Configuration config = configurationAdmin.getConfiguration("org.mxagent.approval", "?");
        try (World world = new World("exp")) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("ttl.seconds", 3L);
            properties.put("sweep.interval.seconds", 1L);
            config.update(properties);
            String probe = "req_probe_" + world.login.runId;
            // the component restarts with the new settings: wait until a hold gets the short lifetime
            Eventually.await("approvals with a 3 s ttl", () -> {
                var reference = context.getServiceReference(ApprovalHolds.class);
                if (reference == null) {
                    return false;
                }
                ApprovalHolds holds = context.getService(reference);
                String id = probe + "_" + Nonces.newNonce().replaceAll("[^A-Za-z0-9]", "");
                world.hold(holds, id, "exp");
                Hold hold = service(Approvals.class).show(id).orElse(null);
                return hold != null && Duration.between(hold.createdAt(), hold.expiresAt()).getSeconds() == 3;
            }, WAIT);
            String requestId = "req_exp_" + world.login.runId;
            assertThat(world.hold(service(ApprovalHolds.class), requestId, "exp")).isEqualTo(ApprovalVerdict.HELD);
            Eventually.await("expiry of " + requestId,
                    () -> world.recorder.denied.contains(requestId + " approval_expired"), WAIT);
            assertThat(service(Approvals.class).show(requestId)).isEmpty();
            assertThat(world.recorder.released).isEmpty();
            // a late approval from the operator finds nothing to release
            assertThatThrownBy(() -> service(Approvals.class).approve(requestId))
                    .isInstanceOf(ApprovalException.class);
            System.out.println("approval: " + requestId + " expired and was denied with approval_expired");
        } finally {
            config.delete();
        }
    }

    private <T> T service(Class<T> type) {
        var reference = context.getServiceReference(type);
        assertThat(reference).as("%s registered", type.getSimpleName()).isNotNull();
        return context.getService(reference);
    }
}
