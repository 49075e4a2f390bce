package org.mxagent.approval.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.mxagent.approval.api.Hold;
import org.mxagent.approval.api.HoldOrigin;
import org.mxagent.policy.api.PrivilegedRequest;
import org.mxagent.policy.api.RequestPayload;
import org.mxagent.policy.api.SignatureCheck;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.runtime.api.PrivateFiles;

/**
 * {@code approvals.json} (data dir, 0600, replaced atomically): the live holds, each with the request as the
 * pipeline saw it and the original signed event, and the finished ones (until their hold would have expired),
 * so a request is never held, or released, twice.
 */
final class HoldFile {
    static final String FILE_NAME = "approvals.json";

    /** A hold that ended: how, and until when to remember it. */
    record Finished(String requestId, String nonce, String outcome, Instant until) {}

    record Contents(Map<String, Hold> holds, Map<String, Finished> finished) {}

    private final Path file;

    HoldFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** The holds on disk; an absent file is empty, an unreadable one an exception (fail closed). */
    Contents read() throws IOException {
        Map<String, Hold> holds = new LinkedHashMap<>();
        Map<String, Finished> finished = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return new Contents(holds, finished);
        }
        JsonNode root = ProtocolJson.parse(Files.readAllBytes(file));
        try {
            for (JsonNode node : root.path("holds")) {
                Hold hold = hold(node);
                holds.put(hold.requestId(), hold);
            }
            for (JsonNode node : root.path("finished")) {
                Finished done = new Finished(text(node, "request_id"), text(node, "nonce"), text(node, "outcome"),
                        Timestamps.parse(text(node, "until")));
                finished.put(done.requestId(), done);
            }
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a valid approvals file: " + e.getMessage(), e);
        }
        return new Contents(holds, finished);
    }

    void write(Iterable<Hold> holds, Iterable<Finished> finished) throws IOException {
        ObjectNode root = ProtocolJson.newObject();
        root.put("version", 1);
        ArrayNode holdArray = root.putArray("holds");
        holds.forEach(h -> holdArray.add(json(h)));
        ArrayNode finishedArray = root.putArray("finished");
        for (Finished f : finished) {
            finishedArray.addObject().put("request_id", f.requestId()).put("nonce", f.nonce())
                    .put("outcome", f.outcome()).put("until", Timestamps.seconds(f.until()));
        }
        PrivateFiles.writeAtomically(file, ProtocolJson.write(root).getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode json(Hold hold) {
        ObjectNode node = ProtocolJson.newObject();
        node.put("request_id", hold.requestId());
        node.put("consumer", hold.consumer());
        node.put("summary", hold.summary());
        node.put("created_at", Timestamps.seconds(hold.createdAt()));
        node.put("expires_at", Timestamps.seconds(hold.expiresAt()));
        hold.approvals().forEach(node.putArray("approvals")::add);
        node.set("request", json(hold.request()));
        if (hold.origin().isPresent()) {
            HoldOrigin origin = hold.origin().get();
            ObjectNode o = node.putObject("origin");
            o.put("consumer", origin.consumer()).put("event_type", origin.eventType()).put("event_id", origin.eventId())
                    .put("request_id", origin.requestId()).set("content", origin.content());
        } else {
            node.putNull("origin");
        }
        return node;
    }

    private static ObjectNode json(PrivilegedRequest r) {
        ObjectNode node = ProtocolJson.newObject();
        node.put("room_id", r.roomId());
        node.put("sender", r.sender());
        node.put("sender_device", r.senderDevice().orElse(null));
        node.put("requesting_agent", r.requestingAgent());
        node.put("target_agent", r.targetAgent());
        node.put("key_id", r.keyId());
        node.put("signature", r.signature().name());
        node.put("published_matrix_user_id", r.publishedMatrixUserId());
        node.put("nonce", r.nonce());
        node.put("created_at", r.createdAt());
        node.put("expires_at", r.expiresAt());
        node.put("invocation_id", r.invocationId().orElse(null));
        ObjectNode payload = node.putObject("payload");
        OptionalLong timeout;
        if (r.payload() instanceof RequestPayload.Exec exec) {
            payload.put("kind", "exec");
            exec.argv().forEach(payload.putArray("argv")::add);
            payload.put("cwd", exec.cwd());
            exec.envOverrideKeys().stream().sorted().forEach(payload.putArray("env_keys")::add);
            timeout = exec.requestedTimeoutMs();
        } else {
            RequestPayload.Call call = (RequestPayload.Call) r.payload();
            payload.put("kind", "call");
            payload.put("tool", call.tool());
            timeout = call.requestedTimeoutMs();
        }
        if (timeout.isPresent()) {
            payload.put("timeout_ms", timeout.getAsLong());
        } else {
            payload.putNull("timeout_ms");
        }
        return node;
    }

    static Hold hold(JsonNode node) {
        List<String> approvals = new ArrayList<>();
        node.path("approvals").forEach(a -> approvals.add(a.asText()));
        JsonNode o = node.path("origin");
        Optional<HoldOrigin> origin = o.isObject()
                ? Optional.of(new HoldOrigin(text(o, "consumer"), text(o, "event_type"), text(o, "event_id"),
                        text(o, "request_id"), (ObjectNode) o.get("content")))
                : Optional.empty();
        return new Hold(text(node, "request_id"), text(node, "consumer"), text(node, "summary"),
                Timestamps.parse(text(node, "created_at")), Timestamps.parse(text(node, "expires_at")),
                approvals, request(node.path("request")), origin);
    }

    private static PrivilegedRequest request(JsonNode r) {
        JsonNode p = r.path("payload");
        OptionalLong timeout = p.path("timeout_ms").isIntegralNumber() ? OptionalLong.of(p.get("timeout_ms").asLong())
                : OptionalLong.empty();
        RequestPayload payload;
        if ("exec".equals(text(p, "kind"))) {
            List<String> argv = new ArrayList<>();
            p.path("argv").forEach(a -> argv.add(a.asText()));
            LinkedHashSet<String> env = new LinkedHashSet<>();
            p.path("env_keys").forEach(a -> env.add(a.asText()));
            payload = new RequestPayload.Exec(argv, text(p, "cwd"), env, timeout);
        } else if ("call".equals(text(p, "kind"))) {
            payload = new RequestPayload.Call(text(p, "tool"), timeout);
        } else {
            throw new IllegalArgumentException("unknown payload kind " + p.path("kind"));
        }
        return new PrivilegedRequest(text(r, "room_id"), text(r, "sender"), optional(r, "sender_device"),
                text(r, "requesting_agent"), text(r, "target_agent"), text(r, "key_id"),
                SignatureCheck.valueOf(text(r, "signature")), text(r, "published_matrix_user_id"), text(r, "nonce"),
                text(r, "created_at"), text(r, "expires_at"), optional(r, "invocation_id"), payload);
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing string field " + field);
        }
        return value.textValue();
    }
}
