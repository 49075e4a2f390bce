package org.mxagent.discovery.impl.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mxagent.discovery.api.AgentTools;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.ToolOffer;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.ToolState;
import org.mxagent.transport.api.RoomEvent;

/**
 * Joins agents' advertised {@code agent.v1.tools} with a room's {@code tool.v1} state. A description counts for
 * an agent only when its own Matrix account wrote it: {@code tool.v1} is keyed by {@code name@version} alone, so
 * any member at level 50 could otherwise describe someone else's tool.
 */
final class ToolCatalogReader {
    private record Published(String sender, ToolState state) {}

    private final Map<String, Published> byKey = new HashMap<>();

    ToolCatalogReader(List<RoomEvent> roomState) {
        for (RoomEvent event : roomState) {
            if (EventTypes.TOOL.equals(event.type()) && event.isState() && !event.content().isEmpty()) {
                decode(event).ifPresent(state -> byKey.put(event.stateKey(), new Published(event.sender(), state)));
            }
        }
    }

    private static Optional<ToolState> decode(RoomEvent event) {
        try {
            ToolState state = ProtocolCodec.decode(ToolState.class, event.content());
            return state.stateKey().equals(event.stateKey()) ? Optional.of(state) : Optional.empty();
        } catch (MalformedEventException e) {
            return Optional.empty();
        }
    }

    AgentTools toolsOf(AgentView agent) {
        List<ToolOffer> offers = new ArrayList<>();
        for (String key : agent.state().tools()) {
            Published published = byKey.get(key);
            boolean own = published != null && published.sender().equals(agent.state().matrixUserId());
            offers.add(new ToolOffer(key, own ? Optional.of(published.state()) : Optional.empty()));
        }
        return new AgentTools(agent, offers);
    }
}
