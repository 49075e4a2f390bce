package org.mxagent.exec.impl.requester;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.transport.api.RoomEvent;

/**
 * The requester side's door: result-plane events (and the target's {@code approval.request} notices), handed to the
 * session they name (if any) on the sync thread.
 */
public final class ResultRouter {
    public static final Set<String> TYPES = Set.of(EventTypes.EXEC_ACCEPTED, EventTypes.EXEC_REJECTED,
            EventTypes.EXEC_FINISHED, EventTypes.EXEC_CANCELLED, EventTypes.STREAM_CHUNK, EventTypes.STREAM_ARTIFACT,
            EventTypes.CALL_RESPONSE, EventTypes.APPROVAL_REQUEST);

    private final Sessions sessions;

    public ResultRouter(Sessions sessions) {
        this.sessions = sessions;
    }

    public void accept(RoomEvent event) {
        if (!TYPES.contains(event.type())) {
            return;
        }
        Optional<Session> session = event.type().equals(EventTypes.CALL_RESPONSE)
                ? text(event.content().get("request_id")).flatMap(sessions::findByRequest)
                : text(event.content().get("invocation_id")).flatMap(sessions::find);
        session.ifPresent(s -> s.onEvent(event));
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
