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
 * Joins agents' advertised {@code agent.v1.tools} with a room's {@code tool.v1} state. {@code tool.v1} is keyed
 * by {@code name@version} alone (every runtime offering the built-in tools writes the same keys), so a description
 * counts for an agent when its own account wrote it or the account of an agent of the room that advertises the
 * same {@code name@version}; one by any other member at level 50 is not taken.
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

    /** The tools of {@code agent}; {@code roomAgents} are the room's accepted agents (it among them). */
    AgentTools toolsOf(AgentView agent, List<AgentView> roomAgents) {
        List<ToolOffer> offers = new ArrayList<>();
        for (String key : agent.state().tools()) {
            Published published = byKey.get(key);
            boolean vouched = published != null && (published.sender().equals(agent.state().matrixUserId())
                    || roomAgents.stream().anyMatch(other -> other.state().matrixUserId().equals(published.sender())
                            && other.state().tools().contains(key)));
            offers.add(vouched ? new ToolOffer(key, Optional.of(published.state()), published.sender())
                    : new ToolOffer(key, Optional.empty(), ""));
        }
        return new AgentTools(agent, offers);
    }
}
