package org.mxagent.policy.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.mxagent.policy.api.TrustEntry;
import org.mxagent.policy.api.TrustStatus;
import org.mxagent.runtime.api.PrivateFiles;

/**
 * trust.json: {@code {"version":1,"entries":[{agent_id, key_id, fingerprint, status, room, trusted_by,
 * created_at, revoked_at}]}} with Unix-second times and null for an absent room or revocation time.
 */
final class TrustFile {
    static final String FILE_NAME = "trust.json";

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();

    TrustFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    /** The stored entries, none if the file does not exist; a damaged file is an IOException. */
    List<TrustEntry> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        PrivateFiles.restrictToOwner(file);
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || root.path("version").asInt() != 1 || !root.path("entries").isArray()) {
            throw new IOException(file + " is not a version 1 trust store");
        }
        List<TrustEntry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : root.get("entries")) {
            entries.add(entry(entry, index++));
        }
        return entries;
    }

    void save(List<TrustEntry> entries) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("version", 1);
        ArrayNode array = root.putArray("entries");
        for (TrustEntry entry : entries) {
            ObjectNode node = array.addObject();
            node.put("agent_id", entry.agentId());
            node.put("key_id", entry.keyId());
            node.put("fingerprint", entry.fingerprint());
            node.put("status", entry.status().wire());
            node.put("room", entry.room().orElse(null));
            node.put("trusted_by", entry.trustedBy());
            node.put("created_at", entry.createdAt());
            if (entry.revokedAt().isPresent()) {
                node.put("revoked_at", entry.revokedAt().getAsLong());
            } else {
                node.putNull("revoked_at");
            }
        }
        PrivateFiles.writeAtomically(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private TrustEntry entry(JsonNode node, int index) throws IOException {
        String where = file + " entry " + index;
        String keyId = text(node, "key_id", where);
        TrustStatus status = TrustStatus.fromWire(text(node, "status", where))
                .orElseThrow(() -> new IOException(where + ": status must be trusted or revoked"));
        JsonNode room = node.get("room");
        if (room != null && !room.isNull() && !room.isTextual()) {
            throw new IOException(where + ": room must be a string or null");
        }
        JsonNode revoked = node.get("revoked_at");
        OptionalLong revokedAt = revoked == null || revoked.isNull() ? OptionalLong.empty()
                : OptionalLong.of(seconds(revoked, "revoked_at", where));
        return new TrustEntry(text(node, "agent_id", where), keyId, text(node, "fingerprint", where), status,
                room == null || room.isNull() ? Optional.empty() : Optional.of(room.textValue()),
                text(node, "trusted_by", where), seconds(node.get("created_at"), "created_at", where), revokedAt);
    }

    private static String text(JsonNode node, String field, String where) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException(where + ": " + field + " must be a string");
        }
        return value.textValue();
    }

    private static long seconds(JsonNode value, String field, String where) throws IOException {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IOException(where + ": " + field + " must be an integer (Unix seconds)");
        }
        return value.longValue();
    }
}
