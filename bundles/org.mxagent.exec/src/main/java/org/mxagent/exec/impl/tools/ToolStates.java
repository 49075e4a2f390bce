package org.mxagent.exec.impl.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mxagent.discovery.api.AgentRegistration;
import org.mxagent.discovery.api.DiscoveryException;
import org.mxagent.exec.impl.wire.Agents;
import org.mxagent.exec.impl.wire.ClientRef;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.ToolState;
import org.mxagent.tool.spi.Tool;
import org.mxagent.transport.api.MatrixClient;
import org.mxagent.transport.api.MatrixException;
import org.osgi.service.log.Logger;

/**
 * Publishes {@code tool.v1} state (key {@code name@version}) for every offered tool in every room this runtime
 * hosts an agent in, and withdraws a tool that went away by publishing empty content under its key (Matrix state
 * cannot be deleted). Only changes are written; {@link #sync} is cheap to call often.
 */
public final class ToolStates {
    private final ToolCatalog catalog;
    private final Agents agents;
    private final ClientRef client;
    private final Logger log;
    private final Map<String, Set<String>> published = new HashMap<>();

    public ToolStates(ToolCatalog catalog, Agents agents, ClientRef client, Logger log) {
        this.catalog = catalog;
        this.agents = agents;
        this.client = client;
        this.log = log;
    }

    /** The {@code tool.v1} content of a tool, plus {@code key}, for listings. */
    public static ObjectNode describe(Tool tool) {
        ObjectNode node = ProtocolCodec.encode(state(tool));
        node.put("key", ToolCatalog.key(tool));
        return node;
    }

    static ToolState state(Tool tool) {
        return new ToolState(tool.name(), tool.version(), tool.description(), tool.inputSchema(), tool.outputSchema(),
                Map.of());
    }

    /** Brings every hosted room in line with the catalog. Serialised by the caller (one thread). */
    public synchronized void sync() {
        MatrixClient matrix = client.get().orElse(null);
        if (matrix == null) {
            published.clear();
            return;
        }
        List<Tool> tools = catalog.all();
        Set<String> keys = new HashSet<>(catalog.keys());
        Set<String> rooms = new HashSet<>();
        try {
            agents.hosted().stream().map(AgentRegistration::roomId).forEach(rooms::add);
        } catch (DiscoveryException e) {
            log.warn("cannot publish tool.v1: the hosted agents are unknown: {}", e.getMessage());
            return;
        }
        for (String room : rooms) {
            Set<String> done = published.computeIfAbsent(room, r -> new HashSet<>());
            try {
                for (Tool tool : tools) {
                    if (!done.contains(ToolCatalog.key(tool))) {
                        matrix.putState(room, EventTypes.TOOL, ToolCatalog.key(tool),
                                ProtocolCodec.encode(state(tool)));
                        done.add(ToolCatalog.key(tool));
                    }
                }
                for (String gone : Set.copyOf(done)) {
                    if (!keys.contains(gone)) {
                        matrix.putState(room, EventTypes.TOOL, gone, ProtocolJson.newObject());
                        done.remove(gone);
                    }
                }
            } catch (MatrixException | RuntimeException e) {
                log.warn("cannot publish tool.v1 in {}: {} (power level 50 needed)", room, e.getMessage());
            }
        }
    }
}
