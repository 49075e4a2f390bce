package org.mxagent.crypto.impl.machine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.mxagent.crypto.impl.store.InboundSessionRecord;
import org.mxagent.crypto.impl.store.StoreChanges;
import org.mxagent.crypto.spi.InboundGroupSession;
import org.mxagent.crypto.spi.OlmException;

/**
 * Megolm sessions for receiving, by room and session id: loaded from the store on first use and kept open.
 * A key for a session we hold is only taken if it decrypts from an earlier index than the one we have.
 */
final class InboundGroupSessions implements AutoCloseable {

    /** An open session and what we know about who sent it. */
    record Entry(InboundGroupSession session, InboundSessionRecord record) {}

    private record Key(String roomId, String sessionId) {}

    private final MachineContext context;
    private final Map<Key, Entry> open = new HashMap<>();

    InboundGroupSessions(MachineContext context) {
        this.context = context;
    }

    /** The session, if we hold it. */
    Optional<Entry> get(String roomId, String sessionId) throws OlmException {
        Key key = new Key(roomId, sessionId);
        Entry entry = open.get(key);
        if (entry != null) {
            return Optional.of(entry);
        }
        Optional<InboundSessionRecord> stored = context.store().inboundSession(roomId, sessionId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        InboundGroupSession session = context.provider().unpickleInboundGroupSession(stored.get().pickle(),
                context.pickleKey());
        entry = new Entry(session, stored.get());
        open.put(key, entry);
        return Optional.of(entry);
    }

    /**
     * Adds a session made from a room key; returns false (and closes it) if we already hold one that starts at
     * the same or an earlier index.
     */
    boolean add(String roomId, InboundGroupSession session, String senderKey, String senderUser, String signingKey,
            StoreChanges changes) throws OlmException {
        Optional<Entry> existing = get(roomId, session.sessionId());
        if (existing.isPresent() && existing.get().session().firstKnownIndex() <= session.firstKnownIndex()) {
            session.close();
            return false;
        }
        InboundSessionRecord record = new InboundSessionRecord(roomId, session.sessionId(), senderKey, senderUser,
                signingKey, session.firstKnownIndex(), session.pickle(context.pickleKey()));
        existing.ifPresent(old -> old.session().close());
        open.put(new Key(roomId, session.sessionId()), new Entry(session, record));
        changes.inboundSession(record);
        return true;
    }

    @Override
    public void close() {
        open.values().forEach(entry -> entry.session().close());
        open.clear();
    }
}
