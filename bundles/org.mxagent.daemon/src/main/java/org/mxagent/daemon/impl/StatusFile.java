package org.mxagent.daemon.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.mxagent.runtime.api.PrivateFiles;

/** {@code daemon.json}: tells tools which daemon runs here, without asking it over the socket. */
final class StatusFile {
    private final Path file;

    StatusFile(Path file) {
        this.file = file;
    }

    void write(long pid, Instant startedAt, Path socket, String version, Path log) throws IOException {
        ObjectNode status = JsonRpc.MAPPER.createObjectNode();
        status.put("pid", pid);
        status.put("started_at", startedAt.toString());
        status.put("socket", socket.toString());
        status.put("version", version);
        status.put("log", log.toString());
        PrivateFiles.writeAtomically(file, JsonRpc.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(status));
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
