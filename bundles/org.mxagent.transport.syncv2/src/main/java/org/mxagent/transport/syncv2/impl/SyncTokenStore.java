package org.mxagent.transport.syncv2.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.mxagent.runtime.api.PrivateFiles;

/**
 * The {@code since} token, written atomically after every fully dispatched batch, so a restart resumes
 * exactly after the last batch its listeners saw: nothing lost, nothing repeated.
 */
final class SyncTokenStore {
    private final Path file;

    SyncTokenStore(Path dataDir) {
        this.file = dataDir.resolve("sync_token");
    }

    Optional<String> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    void save(String token) throws IOException {
        PrivateFiles.writeAtomically(file, token.getBytes(StandardCharsets.UTF_8));
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
