package org.mxagent.discovery.impl.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.runtime.api.PrivateFiles;

/**
 * The agents this runtime hosts, in {@code <data_dir>/agents.json} (0600, replaced atomically). This file, not
 * ConfigurationAdmin's own storage, is what makes a registration survive a daemon restart: the launcher may
 * start each run with a clean framework storage area. A file that cannot be parsed is an error, never
 * silently treated as empty (that would drop every registration at the next write).
 */
final class RegistrationStore {
    static final String FILE_NAME = "agents.json";

    private final Path file;

    RegistrationStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    synchronized List<StoredAgent> all() throws IOException {
        return List.copyOf(load().values());
    }

    synchronized Optional<StoredAgent> get(String agentId) throws IOException {
        return Optional.ofNullable(load().get(agentId));
    }

    synchronized void put(StoredAgent agent) throws IOException {
        Map<String, StoredAgent> agents = load();
        agents.put(agent.agentId(), agent);
        save(agents);
    }

    /** Removes and returns the registration, if there was one. */
    synchronized Optional<StoredAgent> remove(String agentId) throws IOException {
        Map<String, StoredAgent> agents = load();
        StoredAgent removed = agents.remove(agentId);
        if (removed != null) {
            save(agents);
        }
        return Optional.ofNullable(removed);
    }

    private Map<String, StoredAgent> load() throws IOException {
        Map<String, StoredAgent> agents = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return agents;
        }
        try {
            JsonNode root = ProtocolJson.parse(Files.readAllBytes(file));
            for (JsonNode entry : root.path("agents")) {
                StoredAgent agent = StoredAgent.fromJson(entry);
                agents.put(agent.agentId(), agent);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + " is not a valid registration file (" + e.getMessage()
                    + "); fix or move it away", e);
        }
        return agents;
    }

    private void save(Map<String, StoredAgent> agents) throws IOException {
        ObjectNode root = ProtocolJson.newObject();
        ArrayNode array = root.putArray("agents");
        new ArrayList<>(agents.values()).forEach(agent -> array.add(agent.toJson()));
        PrivateFiles.writeAtomically(file, (ProtocolJson.write(root) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
