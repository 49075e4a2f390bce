package org.mxagent.transport.syncv2.impl;

import static org.mxagent.transport.syncv2.impl.HttpMatrixApi.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MatrixSession;
import org.mxagent.transport.api.e2ee.E2eeException;
import org.mxagent.transport.api.e2ee.E2eeMachine;
import org.mxagent.transport.api.e2ee.OutgoingRequest;

/**
 * The send path's encryption step: decides whether a room is encrypted and, if so, turns an event into
 * {@code m.room.encrypted} content after making sure every device of the joined and invited members holds the
 * room key (device lists queried, Olm sessions claimed, room key shared). Sharing and encrypting are serialised
 * per room. Without a crypto machine an encrypted room refuses the send: nothing is ever sent in plaintext into
 * a room known to be encrypted.
 */
final class EncryptingSender {
    static final String ENCRYPTED = "m.room.encrypted";

    /** What to put on the wire. */
    record Outgoing(String type, ObjectNode content) {}

    private final HttpMatrixApi api;
    private final MatrixSession session;
    private final E2eeSupport e2ee;
    private final RoomEncryptionStates rooms;
    private final CryptoRequests requests;
    private final Map<String, Object> roomLocks = new ConcurrentHashMap<>();

    EncryptingSender(HttpMatrixApi api, MatrixSession session, E2eeSupport e2ee, RoomEncryptionStates rooms,
            CryptoRequests requests) {
        this.api = api;
        this.session = session;
        this.e2ee = e2ee;
        this.rooms = rooms;
        this.requests = requests;
    }

    /** Whether what belongs to the room must be end-to-end encrypted (events and attachments alike). */
    boolean isEncrypted(String roomId) throws MatrixException {
        return rooms.settings(roomId, e2ee.machine(session), this::readEncryptionState).isPresent();
    }

    /** The event as it must be sent: unchanged for a plaintext room, encrypted for an encrypted one. */
    Outgoing prepare(String roomId, String type, ObjectNode content) throws MatrixException {
        Optional<E2eeMachine> machine = e2ee.machine(session);
        Optional<ObjectNode> settings = rooms.settings(roomId, machine, this::readEncryptionState);
        if (settings.isEmpty()) {
            return new Outgoing(type, content);
        }
        if (machine.isEmpty()) {
            throw new MatrixException(0, null, "room " + roomId + " is end-to-end encrypted, but " + e2ee
                    .unavailableReason() + "; the event was not sent (never sent in plaintext)");
        }
        List<String> members = members(roomId);
        try {
            synchronized (roomLocks.computeIfAbsent(roomId, r -> new Object())) {
                return new Outgoing(ENCRYPTED, encrypt(machine.get(), roomId, members, settings.get(), type, content));
            }
        } catch (E2eeException | RuntimeException e) {
            // RuntimeException: the machine's store failed, or the provider went away and closed the machine.
            throw new MatrixException(0, null, "cannot encrypt for room " + roomId + ": " + e.getMessage(), -1, e);
        }
    }

    private ObjectNode encrypt(E2eeMachine machine, String roomId, List<String> members, ObjectNode settings,
            String type, ObjectNode content) throws MatrixException, E2eeException {
        machine.updateTrackedUsers(members);
        List<MatrixException> failures = requests.flush(machine);
        if (!failures.isEmpty()) {
            throw new MatrixException(failures.get(0).status(), failures.get(0).errcode(),
                    "cannot fetch the members' device keys before encrypting: " + failures.get(0).getMessage(), -1,
                    failures.get(0));
        }
        Optional<OutgoingRequest> claim = machine.missingSessions(members);
        if (claim.isPresent()) {
            requests.send(machine, claim.get());
        }
        for (OutgoingRequest share : machine.shareRoomKey(roomId, members, settings)) {
            requests.send(machine, share);
        }
        return machine.encryptRoomEvent(roomId, type, content);
    }

    private Optional<ObjectNode> readEncryptionState(String roomId) throws MatrixException {
        try {
            JsonNode content = api.json("GET", "/_matrix/client/v3/rooms/" + segment(roomId) + "/state/"
                    + RoomEncryptionStates.TYPE + "/", Map.of(), null);
            return content.isObject() ? Optional.of((ObjectNode) content) : Optional.empty();
        } catch (MatrixException e) {
            if ("M_NOT_FOUND".equals(e.errcode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Joined and invited members: those who may read what is sent now. */
    private List<String> members(String roomId) throws MatrixException {
        JsonNode reply = api.json("GET", "/_matrix/client/v3/rooms/" + segment(roomId) + "/members",
                HttpMatrixApi.query("not_membership", "leave"), null);
        List<String> members = new ArrayList<>();
        for (JsonNode event : reply.path("chunk")) {
            String membership = event.path("content").path("membership").asText("");
            if ((membership.equals("join") || membership.equals("invite")) && event.path("state_key").isTextual()) {
                members.add(event.get("state_key").asText());
            }
        }
        return members;
    }
}
