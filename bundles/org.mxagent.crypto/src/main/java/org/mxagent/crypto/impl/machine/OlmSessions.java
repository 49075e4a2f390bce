package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mxagent.crypto.impl.store.DeviceRecord;
import org.mxagent.crypto.impl.store.OlmSessionRecord;
import org.mxagent.crypto.impl.store.StoreChanges;
import org.mxagent.crypto.spi.OlmError;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.OlmMessage;
import org.mxagent.crypto.spi.OlmSession;

/**
 * The Olm sessions with other devices, keyed by their Curve25519 key: claimed one-time keys become outbound
 * sessions, received pre-key messages become inbound ones. To-device payloads are encrypted with the most
 * recently used session of a device; received messages are matched against every session of the sender.
 */
final class OlmSessions implements AutoCloseable {
    /** After a claim found no key for a device, it is not claimed again for this long. */
    static final Duration CLAIM_BACKOFF = Duration.ofMinutes(5);

    /** A claim in flight: the devices it asked keys for. */
    record ClaimPlan(List<DeviceRecord> devices) {}

    /** A claim body and its plan. */
    record Claim(ObjectNode body, ClaimPlan plan) {}

    private static final class Entry {
        final OlmSession session;
        final String senderKey;
        final long created;
        long lastUsed;

        Entry(OlmSession session, String senderKey, long created, long lastUsed) {
            this.session = session;
            this.senderKey = senderKey;
            this.created = created;
            this.lastUsed = lastUsed;
        }
    }

    private final MachineContext context;
    private final AccountState account;
    private final Map<String, List<Entry>> byKey = new HashMap<>();
    private final Map<String, Long> claimFailedAt = new HashMap<>();

    OlmSessions(MachineContext context, AccountState account) throws OlmException {
        this.context = context;
        this.account = account;
        for (OlmSessionRecord stored : context.store().olmSessions()) {
            OlmSession session = context.provider().unpickleSession(stored.pickle(), context.pickleKey());
            byKey.computeIfAbsent(stored.senderKey(), k -> new ArrayList<>())
                    .add(new Entry(session, stored.senderKey(), stored.createdMillis(), stored.lastUsedMillis()));
        }
    }

    int count() {
        return byKey.values().stream().mapToInt(List::size).sum();
    }

    boolean hasSession(String curveKey) {
        return byKey.containsKey(curveKey);
    }

    /** A {@code /keys/claim} for those devices that have no session (and did not just fail to get one). */
    Optional<Claim> claimFor(Collection<DeviceRecord> devices) {
        long now = context.now();
        List<DeviceRecord> wanted = new ArrayList<>();
        ObjectNode body = context.mapper().createObjectNode();
        ObjectNode keys = body.putObject("one_time_keys");
        for (DeviceRecord device : devices) {
            Long failed = claimFailedAt.get(device.curveKey());
            if (hasSession(device.curveKey()) || failed != null && now - failed < CLAIM_BACKOFF.toMillis()) {
                continue;
            }
            wanted.add(device);
            keys.withObject(device.userId()).put(device.deviceId(), AccountState.SIGNED_CURVE25519);
        }
        body.put("timeout", 10_000);
        return wanted.isEmpty() ? Optional.empty() : Optional.of(new Claim(body, new ClaimPlan(wanted)));
    }

    /** Makes outbound sessions from a claim reply; keys not signed by the device are refused. */
    void claimed(ClaimPlan plan, JsonNode response, StoreChanges changes) {
        JsonNode keys = response.path("one_time_keys");
        for (DeviceRecord device : plan.devices()) {
            Optional<String> key = signedKey(device, keys.path(device.userId()).path(device.deviceId()));
            if (key.isEmpty()) {
                claimFailedAt.put(device.curveKey(), context.now());
                context.log().warn("keys/claim: no usable one-time or fallback key for " + device.userId() + "/"
                        + device.deviceId() + " (failures: " + response.path("failures") + ")");
                continue;
            }
            try {
                OlmSession session = context.provider().createOutboundSession(account.account(), device.curveKey(),
                        key.get());
                Entry entry = new Entry(session, device.curveKey(), context.now(), context.now());
                byKey.computeIfAbsent(device.curveKey(), k -> new ArrayList<>()).add(entry);
                changes.olmSession(record(entry));
                claimFailedAt.remove(device.curveKey());
            } catch (OlmException e) {
                claimFailedAt.put(device.curveKey(), context.now());
                context.counters().olmFailure("Olm session with " + device.userId() + "/" + device.deviceId()
                        + " not created: " + e.olmName());
                context.log().warn("cannot create an Olm session with " + device.userId() + "/" + device.deviceId()
                        + ": " + e.getMessage());
            }
        }
    }

    private Optional<String> signedKey(DeviceRecord device, JsonNode claimed) {
        for (Map.Entry<String, JsonNode> entry : claimed.properties()) {
            if (entry.getKey().startsWith(AccountState.SIGNED_CURVE25519 + ":")
                    && Signatures.verify(context.utility(), entry.getValue(), device.userId(), device.deviceId(),
                            device.edKey())) {
                return Optional.ofNullable(entry.getValue().path("key").asText(null));
            }
            context.log().warn("claimed key " + entry.getKey() + " of " + device.userId() + "/" + device.deviceId()
                    + " is not signed by the device: ignored");
        }
        return Optional.empty();
    }

    /** Encrypts a to-device payload for the device with this Curve25519 key (it must have a session). */
    OlmMessage encrypt(String curveKey, byte[] plaintext, StoreChanges changes) {
        Entry entry = byKey.getOrDefault(curveKey, List.of()).stream().max(Comparator.comparingLong(e -> e.lastUsed))
                .orElseThrow(() -> new IllegalStateException("no Olm session with " + curveKey));
        OlmMessage message = entry.session.encrypt(plaintext);
        entry.lastUsed = context.now();
        changes.olmSession(record(entry));
        return message;
    }

    /**
     * Decrypts a to-device ciphertext from the device with {@code senderKey}: with a session it belongs to, or,
     * for a pre-key message no session matches, with a new inbound session (whose one-time key is then removed
     * from the account).
     */
    byte[] decrypt(String senderKey, OlmMessage message, StoreChanges changes) throws OlmException {
        List<Entry> sessions = new ArrayList<>(byKey.getOrDefault(senderKey, List.of()));
        sessions.sort(Comparator.comparingLong((Entry e) -> e.lastUsed).reversed());
        OlmException lastFailure = null;
        for (Entry entry : sessions) {
            if (message.isPreKey() && !entry.session.matchesInboundFrom(senderKey, message.body())) {
                continue;
            }
            try {
                byte[] plaintext = entry.session.decrypt(message);
                entry.lastUsed = context.now();
                changes.olmSession(record(entry));
                return plaintext;
            } catch (OlmException e) {
                if (message.isPreKey()) {
                    throw e; // the session matched this pre-key message, so nothing else can decrypt it
                }
                lastFailure = e;
            }
        }
        if (!message.isPreKey()) {
            throw lastFailure != null ? lastFailure
                    : new OlmException(OlmError.BAD_MESSAGE_MAC, "no Olm session with " + senderKey
                            + " decrypts this message");
        }
        OlmSession session = context.provider().createInboundSessionFrom(account.account(), senderKey, message.body());
        byte[] plaintext;
        try {
            plaintext = session.decrypt(message);
        } catch (OlmException e) {
            session.close();
            throw e;
        }
        Entry entry = new Entry(session, senderKey, context.now(), context.now());
        byKey.computeIfAbsent(senderKey, k -> new ArrayList<>()).add(entry);
        account.removeOneTimeKeys(session, changes);
        changes.olmSession(record(entry));
        return plaintext;
    }

    private OlmSessionRecord record(Entry entry) {
        return new OlmSessionRecord(entry.session.sessionId(), entry.senderKey,
                entry.session.pickle(context.pickleKey()), entry.created, entry.lastUsed);
    }

    @Override
    public void close() {
        byKey.values().forEach(list -> list.forEach(entry -> entry.session.close()));
        byKey.clear();
    }
}
