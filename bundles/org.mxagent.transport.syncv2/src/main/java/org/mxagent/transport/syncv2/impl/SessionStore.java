package org.mxagent.transport.syncv2.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.mxagent.runtime.api.PrivateFiles;

/** {@code session.json} in the data dir (0600): homeserver, user, device and access token. */
final class SessionStore {
    private final Path file;
    private final ObjectMapper mapper;

    SessionStore(Path dataDir, ObjectMapper mapper) {
        this.file = dataDir.resolve("session.json");
        this.mapper = mapper;
    }

    Optional<StoredSession> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        String[] fields = {"homeserver", "user_id", "device_id", "access_token"};
        for (String field : fields) {
            if (!json.path(field).isTextual()) {
                throw new IOException(file + ": missing or non-string field '" + field + "'");
            }
        }
        return Optional.of(new StoredSession(URI.create(json.get("homeserver").asText()),
                json.get("user_id").asText(), json.get("device_id").asText(), json.get("access_token").asText()));
    }

    void save(StoredSession session) throws IOException {
        ObjectNode json = mapper.createObjectNode();
        json.put("homeserver", session.homeserver().toString());
        json.put("user_id", session.userId());
        json.put("device_id", session.deviceId());
        json.put("access_token", session.accessToken());
        PrivateFiles.writeAtomically(file, mapper.writeValueAsBytes(json));
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
