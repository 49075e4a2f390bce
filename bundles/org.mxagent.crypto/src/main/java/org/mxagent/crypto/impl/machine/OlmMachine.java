package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mxagent.crypto.api.DeviceInfo;
import org.mxagent.crypto.api.VerificationInfo;
import org.mxagent.crypto.impl.store.CryptoStore;
import org.mxagent.crypto.impl.store.VerifiedDeviceRecord;
import org.mxagent.crypto.impl.store.CryptoStoreException;
import org.mxagent.crypto.impl.store.DeviceRecord;
import org.mxagent.crypto.impl.store.PendingEventRecord;
import org.mxagent.crypto.impl.store.StoreChanges;
import org.mxagent.crypto.spi.CryptoProvider;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.Utility;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionFailure;
import org.mxagent.transport.api.e2ee.DecryptionResult;
import org.mxagent.transport.api.e2ee.E2eeException;
import org.mxagent.transport.api.e2ee.E2eeMachine;
import org.mxagent.transport.api.e2ee.OutgoingRequest;
import org.mxagent.transport.api.e2ee.SyncChanges;

/**
 * The crypto machine of one device: ties the parts together, serialises every operation, and writes each
 * operation's changes to the store in one transaction before returning (so whatever it hands out, a key upload or
 * an encrypted event, is already durable). It does no I/O towards the homeserver.
 */
public final class OlmMachine implements E2eeMachine {
    private final MachineContext context;
    private final AccountState account;
    private final DeviceRegistry devices;
    private final OlmSessions olm;
    private final InboundGroupSessions inbound;
    private final OutboundGroupSessions outbound;
    private final GroupDecryptor decryptor;
    private final PendingEvents pending;
    private final ToDeviceHandler toDevice;
    private final RequestTracker requests = new RequestTracker();
    private final Verifications verifications;
    private final Map<String, String> roomSettings;
    private boolean closed;
    private volatile Runnable verificationListener = () -> { };

    private OlmMachine(MachineContext context) throws OlmException {
        this.context = context;
        this.account = AccountState.open(context);
        this.devices = new DeviceRegistry(context, account.edKey());
        this.olm = new OlmSessions(context, account);
        this.inbound = new InboundGroupSessions(context);
        this.outbound = new OutboundGroupSessions(context, account, devices, olm, inbound, requests);
        this.decryptor = new GroupDecryptor(context, inbound);
        this.pending = new PendingEvents(context, decryptor);
        this.toDevice = new ToDeviceHandler(context, account, olm, inbound, devices);
        this.verifications = new Verifications(context, account, devices, requests);
        this.roomSettings = new HashMap<>(context.store().roomSettings());
        StoreChanges changes = new StoreChanges();
        devices.track(List.of(context.userId()), changes); // our other devices get our room keys too
        context.store().save(changes);
    }

    /**
     * Opens the machine of {@code session} over {@code store}, whose pickles are encrypted with
     * {@code pickleKey}. The store is owned by the machine from now on and closed with it.
     */
    public static OlmMachine open(MatrixSession session, CryptoProvider provider, CryptoStore store, byte[] pickleKey,
            Clock clock, CryptoLog log) throws E2eeException {
        Utility utility = provider.createUtility();
        MachineContext context = new MachineContext(session, provider, utility, store, pickleKey.clone(), clock, log,
                new MachineCounters(), new ObjectMapper());
        try {
            return new OlmMachine(context);
        } catch (OlmException | RuntimeException e) {
            utility.close();
            store.close();
            throw new E2eeException("cannot open the crypto state of " + session.userId() + " device "
                    + session.deviceId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public MatrixSession session() {
        return context.session();
    }

    @Override
    public synchronized SyncChanges receiveSyncChanges(ObjectNode syncResponse) {
        ensureOpen();
        StoreChanges changes = new StoreChanges();
        JsonNode deviceLists = syncResponse.path("device_lists");
        devices.changed(deviceLists.path("changed"), changes);
        devices.left(deviceLists.path("left"), changes);
        account.syncCounts(syncResponse.path("device_one_time_keys_count"),
                syncResponse.path("device_unused_fallback_key_types"), changes);
        ToDeviceHandler.Outcome outcome = toDevice.handle(syncResponse.path("to_device").path("events"), changes);
        for (ToDeviceHandler.Withheld withheld : outcome.withheld()) {
            changes.pendingReason(withheld.roomId(), withheld.sessionId(), withheld.reason());
        }
        for (ToDeviceHandler.VerificationEvent event : outcome.verification()) {
            verifications.receive(event.sender(), event.type(), event.content(), changes);
        }
        verifications.expire(changes);
        if (!outcome.verification().isEmpty()) {
            verificationListener.run();
        }
        // The keys must be stored before the events they unlock are handed out.
        context.store().save(changes);
        StoreChanges retried = new StoreChanges();
        List<RoomEvent> late = pending.retry(outcome.keys(), retried);
        context.store().save(retried);
        if (!late.isEmpty()) {
            context.counters().lateDecrypted(late.size());
            context.log().info(late.size() + " earlier undecryptable event(s) decrypted now that their keys arrived");
        }
        return new SyncChanges(late, outcome.keys().size());
    }

    @Override
    public synchronized void receiveRoomEvent(RoomEvent event) {
        ensureOpen();
        StoreChanges changes = new StoreChanges();
        switch (event.type()) {
            case "m.room.encryption" -> {
                if ("".equals(event.stateKey())) {
                    roomSettings.put(event.roomId(), event.content().toString());
                    changes.roomSettings(event.roomId(), event.content().toString());
                }
            }
            case "m.room.member" -> {
                if (event.stateKey() != null && roomSettings.containsKey(event.roomId())) {
                    String membership = event.content().path("membership").asText("");
                    if (membership.equals("join") || membership.equals("invite")) {
                        devices.track(List.of(event.stateKey()), changes);
                    } else if (membership.equals("leave") || membership.equals("ban")) {
                        outbound.memberLeft(event.roomId(), event.stateKey(), changes);
                    }
                }
            }
            default -> {
                return;
            }
        }
        context.store().save(changes);
    }

    @Override
    public synchronized Optional<ObjectNode> encryptionSettings(String roomId) {
        ensureOpen();
        String settings = roomSettings.get(roomId);
        if (settings == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((ObjectNode) context.mapper().readTree(settings));
        } catch (IOException | ClassCastException e) {
            throw new CryptoStoreException("stored settings of room " + roomId + " are not a JSON object", e);
        }
    }

    @Override
    public synchronized List<OutgoingRequest> outgoingRequests() {
        ensureOpen();
        StoreChanges changes = new StoreChanges();
        List<OutgoingRequest> out = new ArrayList<>();
        Optional<OutgoingRequest> upload = requests.inFlight(OutgoingRequest.Kind.KEYS_UPLOAD);
        if (upload.isEmpty()) {
            upload = account.uploadBody(changes).map(body -> requests.add(OutgoingRequest.Kind.KEYS_UPLOAD, "POST",
                    "/_matrix/client/v3/keys/upload", body, account::uploaded));
        }
        upload.ifPresent(out::add);
        Optional<OutgoingRequest> query = requests.inFlight(OutgoingRequest.Kind.KEYS_QUERY);
        if (query.isEmpty()) {
            query = devices.nextQuery().map(q -> requests.add(OutgoingRequest.Kind.KEYS_QUERY, "POST",
                    "/_matrix/client/v3/keys/query", q.body(),
                    (response, c) -> devices.queried(q.plan(), response, c)));
        }
        query.ifPresent(out::add);
        out.addAll(verifications.outgoing());
        context.store().save(changes); // freshly generated one-time keys, before their public halves leave
        return out;
    }

    @Override
    public synchronized void markRequestAsSent(String requestId, JsonNode response) {
        ensureOpen();
        if (verifications.owns(requestId)) {
            verifications.sent(requestId);
            return;
        }
        RequestTracker.OnSent onSent = requests.complete(requestId);
        if (onSent == null) {
            return;
        }
        StoreChanges changes = new StoreChanges();
        onSent.sent(response, changes);
        context.store().save(changes);
    }

    @Override
    public synchronized void markRequestAsFailed(String requestId, String error) {
        ensureOpen();
        if (verifications.owns(requestId)) {
            // Kept in the outbox: produced again by the next outgoingRequests(), with the same transaction id.
            String message = "verification to-device request " + requestId + " failed: " + error;
            context.counters().requestFailure(message);
            context.log().warn(message + " (retried later)");
            return;
        }
        requests.remove(requestId).ifPresent(request -> {
            String message = request.kind() + " " + request.path() + " failed: " + error;
            context.counters().requestFailure(message);
            context.log().warn(message + " (retried later)");
        });
    }

    @Override
    public synchronized void updateTrackedUsers(Collection<String> userIds) {
        ensureOpen();
        StoreChanges changes = new StoreChanges();
        devices.track(userIds, changes);
        context.store().save(changes);
    }

    @Override
    public synchronized Optional<OutgoingRequest> missingSessions(Collection<String> userIds) {
        ensureOpen();
        List<DeviceRecord> wanted = new ArrayList<>();
        Set<String> users = new LinkedHashSet<>(userIds);
        users.add(context.userId());
        users.forEach(user -> wanted.addAll(devices.devicesOf(user)));
        return olm.claimFor(wanted).map(claim -> requests.add(OutgoingRequest.Kind.KEYS_CLAIM, "POST",
                "/_matrix/client/v3/keys/claim", claim.body(), (response, c) -> olm.claimed(claim.plan(), response, c)));
    }

    @Override
    public synchronized List<OutgoingRequest> shareRoomKey(String roomId, Collection<String> userIds,
            ObjectNode encryptionSettings) throws E2eeException {
        ensureOpen();
        RoomSettings settings = RoomSettings.of(encryptionSettings);
        if (!settings.isMegolm()) {
            throw new E2eeException("room " + roomId + " uses encryption algorithm '" + settings.algorithm()
                    + "', which this machine does not support (only " + AccountState.MEGOLM_ALGORITHM + ")");
        }
        StoreChanges changes = new StoreChanges();
        if (!roomSettings.containsKey(roomId)) {
            roomSettings.put(roomId, encryptionSettings.toString());
            changes.roomSettings(roomId, encryptionSettings.toString());
        }
        List<OutgoingRequest> out = outbound.share(roomId, userIds, settings, changes);
        context.store().save(changes);
        return out;
    }

    @Override
    public synchronized ObjectNode encryptRoomEvent(String roomId, String eventType, ObjectNode content)
            throws E2eeException {
        ensureOpen();
        StoreChanges changes = new StoreChanges();
        ObjectNode encrypted = outbound.encrypt(roomId, eventType, content, changes);
        context.store().save(changes);
        context.counters().encrypted();
        return encrypted;
    }

    @Override
    public synchronized DecryptionResult decryptRoomEvent(RoomEvent event) {
        ensureOpen();
        StoreChanges changes = new StoreChanges();
        DecryptionResult result = decryptor.decrypt(event, changes);
        context.store().save(changes);
        if (!result.isDecrypted()) {
            context.counters().undecryptable(event.eventId(), event.roomId(), result.failure());
        }
        return result;
    }

    @Override
    public synchronized void retryLater(RoomEvent event, DecryptionFailure failure) {
        ensureOpen();
        StoreChanges changes = new StoreChanges();
        pending.keep(event, failure, changes);
        context.store().save(changes);
    }

    @Override
    public synchronized void markLateEventsDelivered(Collection<String> eventIds) {
        ensureOpen();
        StoreChanges changes = new StoreChanges();
        pending.delivered(eventIds, changes);
        context.store().save(changes);
    }

    // ---- device verification (SAS) ----

    /** Called on the sync thread, inside the machine's lock, after verification events were received; keep it short. */
    public void onVerificationChange(Runnable listener) {
        this.verificationListener = listener;
    }

    /** Starts verifying a device; the messages to send come from {@link #verificationRequests()}. */
    public synchronized VerificationInfo startVerification(String userId, String deviceId, boolean request) {
        ensureOpen();
        StoreChanges changes = new StoreChanges();
        try {
            return verifications.start(userId, deviceId, request, changes);
        } finally {
            context.store().save(changes);
        }
    }

    public synchronized VerificationInfo acceptVerification(String transactionId) {
        ensureOpen();
        StoreChanges changes = new StoreChanges();
        VerificationInfo info = verifications.accept(transactionId, changes);
        context.store().save(changes);
        return info;
    }

    public synchronized VerificationInfo confirmVerification(String transactionId) {
        ensureOpen();
        StoreChanges changes = new StoreChanges();
        VerificationInfo info = verifications.confirm(transactionId, changes);
        context.store().save(changes);
        return info;
    }

    public synchronized VerificationInfo cancelVerification(String transactionId, boolean mismatch) {
        ensureOpen();
        StoreChanges changes = new StoreChanges();
        VerificationInfo info = verifications.cancel(transactionId, mismatch, changes);
        context.store().save(changes);
        return info;
    }

    public synchronized Optional<VerificationInfo> verification(String transactionId) {
        ensureOpen();
        return verifications.verification(transactionId);
    }

    public synchronized List<VerificationInfo> verifications() {
        ensureOpen();
        return verifications.all();
    }

    /** The verification to-device messages not reported sent yet (also part of {@link #outgoingRequests()}). */
    public synchronized List<OutgoingRequest> verificationRequests() {
        ensureOpen();
        return verifications.outgoing();
    }

    /** Devices of a user (all tracked users for null), ours included, with their verified flag. */
    public synchronized List<DeviceInfo> deviceInfos(String userIdOrNull) {
        ensureOpen();
        List<DeviceInfo> out = new ArrayList<>();
        List<String> users = userIdOrNull == null ? new ArrayList<>(context.store().trackedUsers().keySet())
                : List.of(userIdOrNull);
        for (String user : users) {
            if (user.equals(context.userId())) {
                out.add(new DeviceInfo(user, context.deviceId(), account.edKey(), account.curveKey(), true,
                        Optional.empty(), true));
            }
            for (DeviceRecord device : devices.devicesOf(user)) {
                Optional<VerifiedDeviceRecord> verified = verifications.verified(user, device.deviceId());
                out.add(new DeviceInfo(user, device.deviceId(), device.edKey(), device.curveKey(),
                        verified.isPresent(), verified.map(VerifiedDeviceRecord::verifiedMs), false));
            }
        }
        return out;
    }

    /** Whether the device is verified under its current key; our own device is. */
    public synchronized boolean isDeviceVerified(String userId, String deviceId) {
        if (closed) {
            return false;
        }
        if (userId.equals(context.userId()) && deviceId.equals(context.deviceId())) {
            return true;
        }
        return verifications.verified(userId, deviceId).isPresent();
    }

    /** Our Curve25519 and Ed25519 identity keys. */
    public synchronized Map<String, String> identityKeys() {
        return Map.of("curve25519", account.curveKey(), "ed25519", account.edKey());
    }

    /** The room's current outbound session id, if it has one. */
    public synchronized Optional<String> outboundSessionId(String roomId) {
        return outbound.sessionId(roomId);
    }

    /** Undecryptable events by failure class, since the machine was opened. */
    public Map<DecryptionFailure.Reason, Long> undecryptableByReason() {
        return context.counters().undecryptableByReason();
    }

    /** How many undecryptable events wait for their keys. */
    public synchronized int pendingCount() {
        return context.store().pendingEvents().size();
    }

    @Override
    public synchronized String describe() {
        if (closed) {
            return context.userId() + " device " + context.deviceId() + ": closed";
        }
        StringBuilder out = new StringBuilder();
        out.append(context.userId()).append(" device ").append(context.deviceId()).append('\n');
        out.append("  identity: curve25519 ").append(account.curveKey()).append(", ed25519 ").append(account.edKey())
                .append('\n');
        out.append("  keys on server: device keys ").append(account.deviceKeysUploaded() ? "uploaded" : "NOT uploaded")
                .append(", one-time keys ").append(account.serverOneTimeKeys() < 0 ? "unknown"
                        : account.serverOneTimeKeys()).append(" (target ").append(account.targetOneTimeKeys())
                .append(")\n");
        out.append("  tracked users ").append(devices.trackedCount()).append(" (").append(devices.outdatedCount())
                .append(" outdated), known devices ").append(devices.deviceCount()).append(", Olm sessions ")
                .append(olm.count()).append(", inbound Megolm sessions ").append(context.store().inboundSessionCount())
                .append(", encrypted rooms ").append(roomSettings.size()).append(", requests in flight ")
                .append(requests.size()).append('\n');
        out.append("  verified devices ").append(verifications.verifiedCount()).append(", verifications in progress ")
                .append(verifications.active()).append('\n');
        for (String line : outbound.describe()) {
            out.append("  outbound ").append(line).append('\n');
        }
        out.append("  ").append(context.counters().summary()).append('\n');
        List<PendingEventRecord> waiting = context.store().pendingEvents();
        out.append("  waiting for keys: ").append(waiting.size()).append(" event(s)");
        waiting.stream().limit(5).forEach(p -> out.append("\n    ").append(p.eventId()).append(" in ")
                .append(p.roomId()).append(": ").append(p.reason()));
        for (MachineCounters.Failure failure : context.counters().recentFailures()) {
            out.append("\n  recent failure ").append(failure.at()).append(": ").append(failure.what());
        }
        return out.toString();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("crypto machine of " + context.userId() + " is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        verifications.close();
        outbound.close();
        inbound.close();
        olm.close();
        account.close();
        context.utility().close();
        context.store().close();
        Arrays.fill(context.pickleKey(), (byte) 0);
    }

    @Override
    public String toString() {
        return "OlmMachine[" + context.userId() + " " + context.deviceId() + "]";
    }
}
