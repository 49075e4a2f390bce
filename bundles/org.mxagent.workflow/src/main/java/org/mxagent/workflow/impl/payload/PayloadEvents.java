package org.mxagent.workflow.impl.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.MessagesPage;
import org.mxagent.transport.api.RoomEvent;

/**
 * The {@value TaskPayload#TYPE} events of rooms, by event id. Fed by sync (the scheduler's live view, already
 * decrypted) and by what this runtime sent; anything else is looked up by paging {@code /messages} backwards
 * (the transport decrypts history with the keys this device holds). Payload events never change, so they are
 * kept once seen; a miss or an undecryptable event is looked up again on the next read.
 */
public final class PayloadEvents {
    /** How far back a payload is looked for (100-event pages). */
    static final int SCAN_EVENTS = 5000;
    private static final int PAGE = 100;
    private static final String ENCRYPTED = "m.room.encrypted";

    /** What a lookup found: the payload content, or why there is none. */
    public record Found(Optional<ObjectNode> content, String problem) {
        static Found of(ObjectNode content) {
            return new Found(Optional.of(content), "");
        }

        static Found not(String problem) {
            return new Found(Optional.empty(), problem);
        }
    }

    private final Map<String, ObjectNode> known = new ConcurrentHashMap<>();

    /** Keeps a payload event delivered by sync or seen in history; other events are ignored. */
    public void offer(RoomEvent event) {
        if (TaskPayload.TYPE.equals(event.type()) && !event.isState()) {
            known.put(event.eventId(), event.content().deepCopy());
        }
    }

    /** Keeps a payload this runtime has just sent. */
    public void sent(String eventId, ObjectNode content) {
        known.put(eventId, content.deepCopy());
    }

    /** The payload event {@code eventId} of {@code roomId}. */
    public Found find(MatrixClient client, String roomId, String eventId) throws MatrixException {
        ObjectNode cached = known.get(eventId);
        if (cached != null) {
            return Found.of(cached);
        }
        String from = null;
        int seen = 0;
        while (seen < SCAN_EVENTS) {
            MessagesPage page = client.messages(roomId, from, true, PAGE);
            for (RoomEvent event : page.events()) {
                offer(event);
                if (event.eventId().equals(eventId)) {
                    return classify(event);
                }
            }
            seen += page.events().size();
            if (page.end() == null || page.events().isEmpty()) {
                break;
            }
            from = page.end();
        }
        return Found.not("payload event " + eventId + " not found in the last " + seen + " events of the room");
    }

    private static Found classify(RoomEvent event) {
        if (TaskPayload.TYPE.equals(event.type())) {
            return Found.of(event.content().deepCopy());
        }
        if (ENCRYPTED.equals(event.type())) {
            // History gives back what it cannot decrypt as received, with the transport's reason.
            return Found.not("payload not decryptable: " + event.decryptionFailure().orElse(
                    "no usable room key on this device") + " (event " + event.eventId() + ", Megolm session "
                    + event.content().path("session_id").asText("?") + ")");
        }
        return Found.not("payload event " + event.eventId() + " is a " + event.type() + ", not " + TaskPayload.TYPE);
    }
}
