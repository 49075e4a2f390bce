package org.mxagent.workflow.impl.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.mxagent.protocol.api.CanonicalJson;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.ProtocolJson;

/**
 * The confidential part of a task in an end-to-end encrypted room (protocol "Where we do better" 4, specs/workflow.md
 * "Confidential payloads"): {@code title}, {@code description}, {@code action} and {@code result} travel in an
 * encrypted {@value #TYPE} timeline event; the {@code task.v1} state keeps ids, status and edges plus
 * {@value #EVENT_ID} and {@value #SHA256}. Pure functions over JSON: no I/O.
 */
public final class TaskPayload {
    public static final String TYPE = "com.mxagent.task.payload.v1";
    /** task.v1 member: the id of the payload event. */
    public static final String EVENT_ID = "payload_event_id";
    /** task.v1 member: standard base64 SHA-256 of the canonical JSON of the payload event content. */
    public static final String SHA256 = "payload_sha256";
    /** Never written: set on a task read from the room whose payload could not be resolved; such a task never runs. */
    public static final String ERROR = "payload_error";
    /**
     * The title the state carries instead of the real one: protocol.md makes {@code title} a required string
     * (peers decode it as such), so it cannot be omitted; a fixed placeholder says only that there is a payload.
     */
    public static final String PLACEHOLDER_TITLE = "(encrypted)";

    private static final List<String> MEMBERS = List.of("title", "description", "action", "result");
    /** The members of {@code result} that are status, not payload; the state keeps only these. */
    private static final List<String> RESULT_STATUS =
            List.of("status", "completed_by", "completed_at", "invocation_id", "reason", "exit_code");

    private TaskPayload() {}

    /** The payload event content of a full task.v1 content: task_id, state_rev, title, description, action, result. */
    public static ObjectNode of(ObjectNode task) {
        ObjectNode payload = ProtocolJson.newObject();
        payload.set("task_id", task.get("task_id").deepCopy());
        payload.set("state_rev", task.get("state_rev").deepCopy());
        for (String member : MEMBERS) {
            JsonNode value = task.get(member);
            if (value != null) {
                payload.set(member, value.deepCopy());
            } else if (!"action".equals(member)) {
                payload.putNull(member);
            }
        }
        return payload;
    }

    /** Standard base64 (padded, as {@code stream.chunk.sha256}) of SHA-256 over the canonical JSON of a payload. */
    public static String sha256(ObjectNode payload) throws CanonicalJsonException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CanonicalJson.toBytes(payload));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Whether the payload of a full task content is the one its state already points to (then no new payload
     * event is needed). The {@code state_rev} of the payload is not part of the comparison.
     */
    public static boolean unchanged(ObjectNode task) throws CanonicalJsonException {
        JsonNode known = task.get(SHA256);
        JsonNode eventId = task.get(EVENT_ID);
        if (known == null || !known.isTextual() || eventId == null || !eventId.isTextual()) {
            return false;
        }
        ObjectNode payload = of(task);
        payload.set("state_rev", task.path(PAYLOAD_REV));
        return known.asText().equals(sha256(payload));
    }

    /** Not written: the state_rev of the payload event an opened task came from (for {@link #unchanged}). */
    public static final String PAYLOAD_REV = "payload_state_rev";

    /**
     * The task.v1 state to write for a full task content whose payload is event {@code eventId} with hash
     * {@code sha256}: the payload members replaced (title by the placeholder, description null, action omitted,
     * result reduced to its status members).
     */
    public static ObjectNode seal(ObjectNode task, String eventId, String sha256) {
        ObjectNode state = task.deepCopy();
        state.remove(ERROR);
        state.remove(PAYLOAD_REV);
        state.put("title", PLACEHOLDER_TITLE);
        state.putNull("description");
        state.remove("action");
        JsonNode result = task.get("result");
        if (result != null && result.isObject()) {
            ObjectNode status = state.putObject("result");
            for (String member : RESULT_STATUS) {
                status.set(member, result.has(member) ? result.get(member).deepCopy() : ProtocolJson.nodes().nullNode());
            }
            status.putNull("action");
            status.putNull("summary");
            status.putNull("artifact_mxc");
        }
        state.put(EVENT_ID, eventId);
        state.put(SHA256, sha256);
        return state;
    }

    /**
     * The full task content of a sealed state and its payload event content, or {@link PayloadException} naming
     * what does not match. The payload is trusted only through the hash in the state.
     */
    public static ObjectNode open(ObjectNode state, ObjectNode payload) throws PayloadException {
        String actual;
        try {
            actual = sha256(payload);
        } catch (CanonicalJsonException e) {
            throw new PayloadException("payload is not canonical JSON: " + e.getMessage());
        }
        if (!actual.equals(state.path(SHA256).asText())) {
            throw new PayloadException("payload does not match: sha256 " + actual + ", the state says "
                    + state.path(SHA256).asText());
        }
        String taskId = state.path("task_id").asText();
        if (!taskId.equals(payload.path("task_id").asText(null))) {
            throw new PayloadException("payload is for task " + payload.path("task_id").asText("(none)") + ", not "
                    + taskId);
        }
        if (!payload.path("state_rev").canConvertToLong()
                || payload.path("state_rev").asLong() > state.path("state_rev").asLong()) {
            throw new PayloadException("payload state_rev " + payload.path("state_rev") + " is newer than the state's "
                    + state.path("state_rev"));
        }
        ObjectNode full = state.deepCopy();
        for (String member : MEMBERS) {
            JsonNode value = payload.get(member);
            if (value == null) {
                full.remove(member);
            } else {
                full.set(member, value.deepCopy());
            }
        }
        full.set(PAYLOAD_REV, payload.get("state_rev").deepCopy());
        return full;
    }

    /** A sealed state whose payload could not be resolved: readable (ids, status), marked, never runnable. */
    public static ObjectNode unresolved(ObjectNode state, String problem) {
        ObjectNode marked = state.deepCopy();
        marked.put(ERROR, problem);
        return marked;
    }

    /** Whether a task.v1 content is sealed (its payload is in an event). */
    public static boolean isSealed(JsonNode state) {
        return state.path(EVENT_ID).isTextual() && state.path(SHA256).isTextual();
    }

    /** A payload that does not belong to, or does not match, its task. */
    public static final class PayloadException extends Exception {
        private static final long serialVersionUID = 1L;

        public PayloadException(String message) {
            super(message);
        }
    }
}
