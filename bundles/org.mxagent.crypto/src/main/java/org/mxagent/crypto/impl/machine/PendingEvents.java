package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mxagent.crypto.impl.store.PendingEventRecord;
import org.mxagent.crypto.impl.store.StoreChanges;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.e2ee.DecryptionFailure;
import org.mxagent.transport.api.e2ee.DecryptionResult;

/**
 * Late-key retry: encrypted events that failed for a retriable reason are kept in the store (not in memory, so a
 * restart keeps them) and decrypted again when a key for their session arrives. A decrypted one is marked
 * resolved and handed out at every sync until the transport confirms it delivered it.
 */
final class PendingEvents {
    private final MachineContext context;
    private final GroupDecryptor decryptor;

    PendingEvents(MachineContext context, GroupDecryptor decryptor) {
        this.context = context;
        this.decryptor = decryptor;
    }

    void keep(RoomEvent event, DecryptionFailure failure, StoreChanges changes) {
        if (!failure.reason().isRetriable() || failure.sessionId() == null) {
            return;
        }
        changes.pending(new PendingEventRecord(event.eventId(), event.roomId(), failure.sessionId(),
                event.raw().toString(), failure.toString(), context.now(), false));
    }

    /**
     * Events to hand out now, oldest first: those resolved before and not confirmed, then those of the sessions
     * whose keys just arrived.
     */
    List<RoomEvent> retry(Collection<ToDeviceHandler.ReceivedKey> keys, StoreChanges changes) {
        List<RoomEvent> out = new ArrayList<>();
        for (PendingEventRecord resolved : context.store().resolvedPendingEvents()) {
            decrypt(resolved, changes, out);
        }
        Set<ToDeviceHandler.ReceivedKey> distinct = new LinkedHashSet<>(keys);
        for (ToDeviceHandler.ReceivedKey key : distinct) {
            for (PendingEventRecord pending : context.store().pendingEvents(key.roomId(), key.sessionId())) {
                if (decrypt(pending, changes, out)) {
                    changes.resolvePending(pending.eventId());
                }
            }
        }
        return out;
    }

    private boolean decrypt(PendingEventRecord pending, StoreChanges changes, List<RoomEvent> out) {
        RoomEvent event;
        try {
            event = envelope(pending);
        } catch (IOException e) {
            context.log().error("pending event " + pending.eventId() + " is unreadable and is dropped", e);
            changes.deletePending(pending.eventId());
            return false;
        }
        DecryptionResult result = decryptor.decrypt(event, changes);
        if (result.isDecrypted()) {
            out.add(result.event());
            return true;
        }
        context.log().info("event " + pending.eventId() + " still undecryptable after a key arrived: "
                + result.failure());
        changes.pending(new PendingEventRecord(pending.eventId(), pending.roomId(), pending.sessionId(),
                pending.rawJson(), result.failure().toString(), pending.firstSeenMillis(), false));
        return false;
    }

    private RoomEvent envelope(PendingEventRecord pending) throws IOException {
        JsonNode raw = context.mapper().readTree(pending.rawJson());
        if (!raw.isObject()) {
            throw new IOException("not a JSON object");
        }
        return new RoomEvent(pending.roomId(), pending.eventId(), raw.path("sender").asText(""),
                raw.path("type").asText(""), null, raw.path("origin_server_ts").asLong(0), (ObjectNode) raw);
    }

    void delivered(Collection<String> eventIds, StoreChanges changes) {
        eventIds.forEach(changes::deletePending);
    }
}
