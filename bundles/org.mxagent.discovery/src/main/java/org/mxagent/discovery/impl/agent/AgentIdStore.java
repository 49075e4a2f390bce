package org.mxagent.discovery.impl.agent;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mxagent.protocol.api.Ids;
import org.mxagent.runtime.api.PrivateFiles;

/**
 * Agent ids generated for configurations that did not name one, kept per configuration PID under
 * {@code <data_dir>/agent-ids/} so the agent keeps its id across restarts (peers know it by that id).
 */
final class AgentIdStore {
    private final Path dir;

    AgentIdStore(Path dataDir) {
        this.dir = dataDir.resolve("agent-ids");
    }

    /** The id stored for {@code pid}, or a new one stored now. */
    synchronized String idFor(String pid) throws IOException {
        Path file = dir.resolve(URLEncoder.encode(pid, StandardCharsets.UTF_8));
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!Ids.isValid(Ids.AGENT, stored)) {
                throw new IOException(file + " does not hold an agent id (agt_ + ULID): '" + stored + "'");
            }
            return stored;
        }
        String id = Ids.newAgentId();
        PrivateFiles.ensurePrivateDirectory(dir);
        PrivateFiles.writeAtomically(file, id.getBytes(StandardCharsets.UTF_8));
        return id;
    }
}
