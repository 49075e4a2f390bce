package org.mxagent.transport.syncv2.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.E2eeMachine;

/**
 * Which rooms are end-to-end encrypted, for the send path. Asked in this order: what the sync showed
 * ({@code m.room.encryption} events), what the crypto machine stored, and only then the homeserver's current
 * state (remembered either way). A room once seen encrypted is never treated as plaintext again.
 */
final class RoomEncryptionStates {
    static final String TYPE = "m.room.encryption";

    /** Reads the room's {@code m.room.encryption} state from the homeserver. */
    @FunctionalInterface
    interface StateReader {
        Optional<ObjectNode> read(String roomId) throws MatrixException;
    }

    private final Map<String, ObjectNode> encrypted = new ConcurrentHashMap<>();
    private final Set<String> plaintext = ConcurrentHashMap.newKeySet();

    /** Learns from a delivered event. */
    void observe(RoomEvent event) {
        if (TYPE.equals(event.type()) && "".equals(event.stateKey())) {
            encrypted.put(event.roomId(), event.content().deepCopy());
            plaintext.remove(event.roomId());
        }
    }

    /** The room's encryption settings, or empty for a room that is not encrypted. */
    Optional<ObjectNode> settings(String roomId, Optional<E2eeMachine> machine, StateReader server)
            throws MatrixException {
        ObjectNode known = encrypted.get(roomId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<ObjectNode> stored = machine.flatMap(m -> m.encryptionSettings(roomId));
        if (stored.isPresent()) {
            encrypted.put(roomId, stored.get());
            return stored;
        }
        if (plaintext.contains(roomId)) {
            return Optional.empty();
        }
        Optional<ObjectNode> state = server.read(roomId).filter(content -> content.has("algorithm"));
        if (state.isPresent()) {
            encrypted.put(roomId, state.get());
        } else {
            plaintext.add(roomId);
        }
        return state;
    }
}
