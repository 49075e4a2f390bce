package org.mxagent.workflow.impl.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.transport.api.RoomEvent;

/** A {@code com.mxagent.task.claim.v1} timeline event (see specs/workflow.md). */
public record Claim(String taskId, long stateRev, String claimant, String invocationId, String nonce,
        String sender, String eventId) {

    public static final String TYPE = "com.mxagent.task.claim.v1";

    /** The key claims compete for. */
    public record Key(String taskId, long stateRev) {}

    public Key key() {
        return new Key(taskId, stateRev);
    }

    public ObjectNode content() {
        ObjectNode content = ProtocolJson.newObject();
        content.put("task_id", taskId);
        content.put("state_rev", stateRev);
        content.put("claimant", claimant);
        content.put("invocation_id", invocationId);
        content.put("nonce", nonce);
        return content;
    }

    /** The claim in a received event; empty if a member is missing or of the wrong type. */
    public static Optional<Claim> of(RoomEvent event) {
        JsonNode c = event.content();
        if (!c.path("task_id").isTextual() || !c.path("state_rev").canConvertToLong()
                || !c.path("state_rev").isIntegralNumber() || !c.path("claimant").isTextual()
                || !c.path("invocation_id").isTextual() || !c.path("nonce").isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new Claim(c.get("task_id").asText(), c.get("state_rev").asLong(),
                c.get("claimant").asText(), c.get("invocation_id").asText(), c.get("nonce").asText(),
                event.sender(), event.eventId()));
    }
}
