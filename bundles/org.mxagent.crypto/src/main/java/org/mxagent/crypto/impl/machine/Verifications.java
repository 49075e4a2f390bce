package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mxagent.crypto.api.VerificationInfo;
import org.mxagent.crypto.api.VerificationState;
import org.mxagent.crypto.impl.store.DeviceRecord;
import org.mxagent.crypto.impl.store.StoreChanges;
import org.mxagent.crypto.impl.store.VerifiedDeviceRecord;
import org.mxagent.crypto.impl.verification.SasSession;
import org.mxagent.transport.api.e2ee.OutgoingRequest;

/**
 * The machine's SAS verifications: routes {@code m.key.verification.*} to-device events (plaintext, or the
 * payload of an Olm-encrypted one) to their {@link SasSession}, keeps the to-device messages they produce in an
 * outbox until the transport reports them sent (a failed send is produced again with the same transaction id, so
 * a repeat is idempotent), and stores a device as verified when a verification is done.
 */
final class Verifications {
    static final String PREFIX = "m.key.verification.";
    /** A verification with no progress for this long is cancelled with {@code m.timeout} (spec: 10 min). */
    static final long IDLE_TIMEOUT_MS = 10 * 60 * 1000L;
    /** Ended verifications kept for status displays. */
    static final int KEEP_ENDED = 50;

    private final MachineContext context;
    private final AccountState account;
    private final DeviceRegistry devices;
    private final RequestTracker requests;
    private final Map<String, SasSession> sessions = new LinkedHashMap<>();
    private final Map<String, OutgoingRequest> outbox = new LinkedHashMap<>();
    private final Map<String, VerifiedDeviceRecord> verified = new HashMap<>();

    Verifications(MachineContext context, AccountState account, DeviceRegistry devices, RequestTracker requests) {
        this.context = context;
        this.account = account;
        this.devices = devices;
        this.requests = requests;
        for (VerifiedDeviceRecord record : context.store().verifiedDevices()) {
            verified.put(key(record.userId(), record.deviceId()), record);
        }
    }

    static boolean isVerificationEvent(String type) {
        return type.startsWith(PREFIX);
    }

    /** A received verification event (from the sync's to-device list or an Olm payload). */
    void receive(String sender, String type, JsonNode content, StoreChanges changes) {
        String txn = content.path("transaction_id").asText("");
        if (txn.isEmpty()) {
            context.log().warn("verification event " + type + " from " + sender + " without transaction_id ignored");
            return;
        }
        List<SasSession.Message> out = new ArrayList<>();
        SasSession session = sessions.get(txn);
        if (session == null) {
            if (!type.equals(PREFIX + "request") && !type.equals(PREFIX + "start")) {
                context.log().info("verification event " + type + " from " + sender + " for unknown transaction "
                        + txn + " ignored");
                return;
            }
            if (sender.equals(context.userId()) && content.path("from_device").asText().equals(context.deviceId())) {
                return; // our own request echoed to our own devices
            }
            session = SasSession.incoming(context.mapper(), self(), sender, type, content,
                    context.provider().createSas(), context.utility(), this::edKey, context.now(), out);
            sessions.put(txn, session);
            devices.track(List.of(sender), changes); // its keys are needed to check its MAC
            context.log().info("verification " + txn + " from " + sender + " " + session.otherDevice() + ": "
                    + session.state());
        } else {
            session.receive(sender, type, content, context.now(), out);
        }
        after(session, out, changes);
    }

    VerificationInfo start(String userId, String deviceId, boolean request, StoreChanges changes) {
        if (devices.device(userId, deviceId).isEmpty()) {
            devices.track(List.of(userId), changes);
            throw new IllegalArgumentException("device " + deviceId + " of " + userId + " is not known (yet): its"
                    + " keys are queried after the next sync; try again then");
        }
        if (userId.equals(context.userId()) && deviceId.equals(context.deviceId())) {
            throw new IllegalArgumentException("cannot verify this device itself");
        }
        List<SasSession.Message> out = new ArrayList<>();
        SasSession session = SasSession.outgoing(context.mapper(), self(), userId, deviceId, requests.nextId(),
                request, context.provider().createSas(), context.utility(), this::edKey, context.now(), out);
        sessions.put(session.transactionId(), session);
        after(session, out, changes);
        return session.snapshot();
    }

    VerificationInfo accept(String txn, StoreChanges changes) {
        SasSession session = session(txn);
        List<SasSession.Message> out = new ArrayList<>();
        session.accept(out);
        after(session, out, changes);
        return session.snapshot();
    }

    VerificationInfo confirm(String txn, StoreChanges changes) {
        SasSession session = session(txn);
        List<SasSession.Message> out = new ArrayList<>();
        session.confirm(out);
        after(session, out, changes);
        return session.snapshot();
    }

    VerificationInfo cancel(String txn, boolean mismatch, StoreChanges changes) {
        SasSession session = session(txn);
        List<SasSession.Message> out = new ArrayList<>();
        session.cancel(mismatch ? "m.mismatched_sas" : "m.user", mismatch ? "the short authentication strings"
                + " do not match" : "cancelled by the user", out);
        after(session, out, changes);
        return session.snapshot();
    }

    /** Cancels verifications without progress for {@link #IDLE_TIMEOUT_MS}. */
    void expire(StoreChanges changes) {
        for (SasSession session : List.copyOf(sessions.values())) {
            List<SasSession.Message> out = new ArrayList<>();
            session.expire(context.now(), IDLE_TIMEOUT_MS, out);
            after(session, out, changes);
        }
    }

    Optional<VerificationInfo> verification(String txn) {
        return Optional.ofNullable(sessions.get(txn)).map(SasSession::snapshot);
    }

    List<VerificationInfo> all() {
        return sessions.values().stream().map(SasSession::snapshot).toList();
    }

    /** To-device requests not yet reported sent. */
    List<OutgoingRequest> outgoing() {
        return List.copyOf(outbox.values());
    }

    boolean owns(String requestId) {
        return outbox.containsKey(requestId);
    }

    void sent(String requestId) {
        outbox.remove(requestId);
    }

    /** The stored verification of a device, if it still has the Ed25519 key that was verified. */
    Optional<VerifiedDeviceRecord> verified(String userId, String deviceId) {
        VerifiedDeviceRecord record = verified.get(key(userId, deviceId));
        if (record == null) {
            return Optional.empty();
        }
        Optional<String> current = edKey(userId, deviceId);
        return current.isPresent() && current.get().equals(record.edKey()) ? Optional.of(record) : Optional.empty();
    }

    /** Forgets that a device was verified. */
    boolean unverify(String userId, String deviceId, StoreChanges changes) {
        if (verified.remove(key(userId, deviceId)) == null) {
            return false;
        }
        changes.unverifiedDevice(userId, deviceId);
        return true;
    }

    int active() {
        return (int) sessions.values().stream().filter(s -> !s.state().isFinal()).count();
    }

    int verifiedCount() {
        return verified.size();
    }

    private void after(SasSession session, List<SasSession.Message> out, StoreChanges changes) {
        for (SasSession.Message message : out) {
            String txnId = requests.nextId();
            ObjectNode body = context.mapper().createObjectNode();
            body.putObject("messages").putObject(session.otherUser()).set(session.otherDevice(), message.content());
            OutgoingRequest request = new OutgoingRequest(txnId, OutgoingRequest.Kind.TO_DEVICE, "PUT",
                    "/_matrix/client/v3/sendToDevice/" + URLEncoder.encode(message.type(), StandardCharsets.UTF_8)
                            + "/" + URLEncoder.encode(txnId, StandardCharsets.UTF_8), body);
            outbox.put(request.id(), request);
        }
        if (session.state() == VerificationState.DONE && session.verifiedKey().isPresent()
                && verified(session.otherUser(), session.otherDevice()).isEmpty()) {
            VerifiedDeviceRecord record = new VerifiedDeviceRecord(session.otherUser(), session.otherDevice(),
                    session.verifiedKey().get(), context.now(), SasSession.SAS_V1);
            verified.put(key(record.userId(), record.deviceId()), record);
            changes.verifiedDevice(record);
            context.log().info("device " + record.deviceId() + " of " + record.userId() + " verified (SAS, ed25519 "
                    + record.edKey() + ")");
        }
        if (session.state().isFinal()) {
            session.close(); // the ephemeral key is not needed any more; the snapshot stays readable
            pruneEnded();
        }
    }

    private void pruneEnded() {
        List<String> ended = sessions.entrySet().stream().filter(e -> e.getValue().state().isFinal())
                .map(Map.Entry::getKey).toList();
        for (int i = 0; i < ended.size() - KEEP_ENDED; i++) {
            sessions.remove(ended.get(i));
        }
    }

    private SasSession session(String txn) {
        SasSession session = sessions.get(txn);
        if (session == null) {
            throw new IllegalArgumentException("no verification with transaction id " + txn);
        }
        return session;
    }

    private SasSession.Self self() {
        return new SasSession.Self(context.userId(), context.deviceId(), account.edKey());
    }

    private Optional<String> edKey(String userId, String deviceId) {
        return devices.device(userId, deviceId).map(DeviceRecord::edKey);
    }

    private static String key(String userId, String deviceId) {
        return userId + "\n" + deviceId;
    }

    void close() {
        sessions.values().forEach(SasSession::close);
    }
}
