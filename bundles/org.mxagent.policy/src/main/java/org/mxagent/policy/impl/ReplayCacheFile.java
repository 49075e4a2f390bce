package org.mxagent.policy.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.mxagent.runtime.api.PrivateFiles;

/**
 * replay_cache.json: {@code {"version":1,"nonces":[{"nonce":"…","expires_at_ms":…}]}}. Milliseconds, not
 * seconds, so an entry never expires before the request it guards.
 */
final class ReplayCacheFile {
    static final String FILE_NAME = "replay_cache.json";
    private static final DateTimeFormatter QUARANTINE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();

    ReplayCacheFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    /** The stored entries; none if the file does not exist. Any damage is an IOException. */
    List<NonceTable.Entry> load() throws IOException {
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
        if (root == null || !root.isObject() || root.path("version").asInt() != 1 || !root.path("nonces").isArray()) {
            throw new IOException(file + " is not a version 1 replay cache");
        }
        List<NonceTable.Entry> entries = new ArrayList<>();
        for (JsonNode entry : root.get("nonces")) {
            JsonNode nonce = entry.get("nonce");
            JsonNode expires = entry.get("expires_at_ms");
            if (nonce == null || !nonce.isTextual() || expires == null || !expires.canConvertToLong()
                    || !expires.isIntegralNumber()) {
                throw new IOException(file + " has a malformed entry: " + entry);
            }
            entries.add(new NonceTable.Entry(nonce.textValue(), Instant.ofEpochMilli(expires.longValue())));
        }
        return entries;
    }

    void save(List<NonceTable.Entry> entries) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("version", 1);
        ArrayNode nonces = root.putArray("nonces");
        for (NonceTable.Entry entry : entries) {
            nonces.addObject().put("nonce", entry.nonce()).put("expires_at_ms", entry.expiresAt().toEpochMilli());
        }
        PrivateFiles.writeAtomically(file, mapper.writeValueAsBytes(root));
    }

    /** Moves the damaged file aside as {@code replay_cache.json.corrupt-<UTC timestamp>}; returns where. */
    Path quarantine(Instant now) throws IOException {
        Path target = file.resolveSibling(FILE_NAME + ".corrupt-" + QUARANTINE_STAMP.format(now));
        return Files.move(file, target);
    }
}
