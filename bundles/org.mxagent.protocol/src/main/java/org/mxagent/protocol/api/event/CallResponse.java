package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.impl.Copies;

/**
 * {@code call.response}: {@code result} and {@code error} are sent as explicit {@code null} when unset (a Java null
 * here).
 */
public record CallResponse(
        String requestId,
        boolean ok,
        JsonNode result,
        String error,
        Optional<EventSignature> signature,
        Map<String, JsonNode> extra) implements SignedEvent {

    public CallResponse {
        Objects.requireNonNull(requestId, "request_id");
        Objects.requireNonNull(signature, "signature");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.CALL_RESPONSE;
    }
}
