package org.mxagent.transport.syncv2.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionFailure;
import org.mxagent.transport.api.e2ee.DecryptionResult;
import org.mxagent.transport.api.e2ee.E2eeMachine;
import org.mxagent.transport.api.e2ee.SyncChanges;
import org.osgi.service.log.Logger;

/**
 * The sync loop's encryption steps, per batch: feed the machine the to-device part first (room keys), then turn
 * each {@code m.room.encrypted} room event into its cleartext or hold it back as undecryptable, and after the
 * batch is stored confirm the late events and send what the machine asks for. A failure of the machine itself
 * (its store) fails the batch, which the loop then retries: keys that arrived in it are never dropped.
 */
final class SyncDecryptor {
    private final E2eeSupport e2ee;
    private final MatrixSession session;
    private final RoomEncryptionStates rooms;
    private final CryptoRequests requests;
    private final SyncHealth health;
    private final Logger log;

    SyncDecryptor(E2eeSupport e2ee, MatrixSession session, RoomEncryptionStates rooms, CryptoRequests requests,
            SyncHealth health, Logger log) {
        this.e2ee = e2ee;
        this.session = session;
        this.rooms = rooms;
        this.requests = requests;
        this.health = health;
        this.log = log;
    }

    /** Before the loop's first sync: the machine's first key upload need not wait for a batch. */
    void start() {
        try {
            e2ee.machine(session).ifPresent(this::sendRequests);
        } catch (RuntimeException e) {
            failed("sending the crypto machine's first requests", e);
        }
    }

    /** Feeds the to-device part; returns events whose late keys arrived, to be delivered before this batch's. */
    List<RoomEvent> receive(ObjectNode syncResponse) {
        Optional<E2eeMachine> machine = e2ee.machine(session);
        if (machine.isEmpty()) {
            return List.of();
        }
        SyncChanges changes = machine.get().receiveSyncChanges(syncResponse);
        return changes.lateDecrypted();
    }

    /** What listeners get for this event: itself, its cleartext, or nothing (undecryptable, reported). */
    Optional<RoomEvent> prepare(RoomEvent event) {
        rooms.observe(event);
        Optional<E2eeMachine> machine = e2ee.machine(session);
        if (event.type().equals(RoomEncryptionStates.TYPE) || event.type().equals("m.room.member")) {
            machine.ifPresent(m -> m.receiveRoomEvent(event));
        }
        if (!EncryptingSender.ENCRYPTED.equals(event.type()) || event.isState()) {
            return Optional.of(event);
        }
        if (machine.isEmpty()) {
            e2ee.reportUndecryptable(event, new DecryptionFailure(DecryptionFailure.Reason.NO_CRYPTO,
                    e2ee.unavailableReason(), event.content().path("session_id").asText(null)));
            return Optional.empty();
        }
        DecryptionResult result = machine.get().decryptRoomEvent(event);
        if (result.isDecrypted()) {
            return Optional.of(result.event());
        }
        if (result.failure().reason().isRetriable()) {
            machine.get().retryLater(event, result.failure());
        }
        e2ee.reportUndecryptable(event, result.failure());
        return Optional.empty();
    }

    /** After the batch's sync position is stored: late events are delivered for good; send the machine's requests. */
    void batchDone(List<RoomEvent> lateDelivered) {
        // The batch is delivered and its position stored: a failure here must not make the loop fetch it again.
        try {
            e2ee.machine(session).ifPresent(machine -> {
                if (!lateDelivered.isEmpty()) {
                    machine.markLateEventsDelivered(lateDelivered.stream().map(RoomEvent::eventId).toList());
                }
                sendRequests(machine);
            });
        } catch (RuntimeException e) {
            failed("finishing a batch in the crypto machine (late events may be delivered again)", e);
        }
    }

    private void failed(String what, RuntimeException e) {
        log.error("end-to-end encryption: {} failed: {}", what, e.toString(), e);
        health.e2eeFailed("end-to-end encryption: " + what + " failed: " + e.getMessage());
    }

    private void sendRequests(E2eeMachine machine) {
        for (MatrixException failure : requests.flush(machine)) {
            // The machine counted it and produces the request again; the sync goes on.
            log.warn("crypto request failed (retried after the next sync): {}", failure.getMessage());
            health.e2eeFailed("crypto request failed: " + failure.getMessage());
        }
    }

    /**
     * A history event as the caller should see it: decrypted if possible, else as received with the reason under
     * {@link RoomEvent#DECRYPTION_FAILURE}.
     */
    RoomEvent historyView(RoomEvent event) {
        if (!EncryptingSender.ENCRYPTED.equals(event.type())) {
            return event;
        }
        Optional<E2eeMachine> machine = e2ee.machine(session);
        if (machine.isEmpty()) {
            return withFailure(event, DecryptionFailure.Reason.NO_CRYPTO.name(), e2ee.unavailableReason());
        }
        try {
            DecryptionResult result = machine.get().decryptRoomEvent(event);
            return result.isDecrypted() ? result.event() : withFailure(event, result.failure().reason().name(),
                    result.failure().message());
        } catch (RuntimeException e) {
            log.error("decrypting history event {} failed; returned as received: {}", event.eventId(), e.toString(), e);
            return event;
        }
    }

    private static RoomEvent withFailure(RoomEvent event, String reason, String message) {
        ObjectNode raw = event.raw().deepCopy();
        JsonNode unsigned = raw.get("unsigned");
        ObjectNode target = unsigned != null && unsigned.isObject() ? (ObjectNode) unsigned : raw.putObject("unsigned");
        target.putObject(RoomEvent.DECRYPTION_FAILURE).put("reason", reason).put("message", message);
        return new RoomEvent(event.roomId(), event.eventId(), event.sender(), event.type(), event.stateKey(),
                event.originServerTs(), raw);
    }
}
