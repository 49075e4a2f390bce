package org.mxagent.discovery.impl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.mxagent.discovery.api.AgentRegistration;
import org.mxagent.discovery.api.AgentTools;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.Member;
import org.mxagent.discovery.api.PublicRoom;
import org.mxagent.discovery.api.ToolOffer;
import org.mxagent.discovery.api.WorkspaceAttachment;
import org.mxagent.discovery.api.WorkspaceStatus;
import org.mxagent.discovery.api.WorkspaceSummary;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.ToolState;
import org.mxagent.protocol.api.sign.PublicKeys;

/** The JSON shapes of the discovery IPC results (specs/discovery.md), in one place. */
public final class DiscoveryJson {
    private DiscoveryJson() {}

    public static ObjectNode summary(WorkspaceSummary summary) {
        ObjectNode json = ProtocolJson.newObject();
        json.put("room_id", summary.roomId());
        json.put("name", summary.name());
        json.put("alias", summary.alias());
        json.put("topic", summary.topic());
        json.put("directory_visibility", summary.directoryVisibility().wire());
        json.set("workspace", summary.workspace());
        return json;
    }

    public static ObjectNode summaries(List<WorkspaceSummary> summaries) {
        ObjectNode json = ProtocolJson.newObject();
        ArrayNode array = json.putArray("workspaces");
        summaries.forEach(summary -> array.add(summary(summary)));
        return json;
    }

    public static ObjectNode status(WorkspaceStatus status) {
        ObjectNode json = ProtocolJson.newObject();
        json.put("room_id", status.roomId());
        json.put("name", status.name());
        json.put("alias", status.alias());
        json.put("topic", status.topic());
        json.put("room_version", status.roomVersion());
        json.put("encrypted", status.encrypted());
        status.creators().forEach(json.putArray("creators")::add);
        ArrayNode members = json.putArray("members");
        for (Member member : status.members()) {
            members.addObject().put("user_id", member.userId()).put("display_name", member.displayName())
                    .put("power_level", member.powerLevel()).put("creator", member.creator());
        }
        json.set("power_levels", status.powerLevels());
        json.set("workspace", status.workspace());
        json.set("agents", agents(status.agents()));
        ObjectNode tasks = json.putObject("tasks");
        status.tasks().forEach(tasks::put);
        return json;
    }

    /** {@code {room_id, event_id, workspace: workspace.v1 content}}. */
    public static ObjectNode attachment(WorkspaceAttachment attachment) {
        ObjectNode json = ProtocolJson.newObject();
        json.put("room_id", attachment.roomId());
        json.put("event_id", attachment.eventId());
        json.set("workspace", ProtocolCodec.encode(attachment.workspace()));
        return json;
    }

    /**
     * {@code {room_id, agents: [{agent_id, matrix_user_id, liveness, hosted, tools: [tool…]}]}}; a tool is
     * {@code {tool, name, version, published, published_by, description, input_schema, input_summary,
     * output_schema}} where the last five are null unless a {@code tool.v1} that counts describes it.
     */
    public static ObjectNode tools(String roomId, List<AgentTools> agentTools) {
        ObjectNode json = ProtocolJson.newObject();
        json.put("room_id", roomId);
        ArrayNode agents = json.putArray("agents");
        for (AgentTools entry : agentTools) {
            AgentView view = entry.agent();
            ObjectNode agent = agents.addObject().put("agent_id", view.agentId())
                    .put("matrix_user_id", view.state().matrixUserId()).put("liveness", view.liveness().wire())
                    .put("hosted", view.hosted());
            ArrayNode tools = agent.putArray("tools");
            for (ToolOffer offer : entry.tools()) {
                ObjectNode tool = tools.addObject().put("tool", offer.key()).put("name", offer.name())
                        .put("version", offer.version()).put("published", offer.published().isPresent());
                if (offer.published().isPresent()) {
                    ToolState state = offer.published().get();
                    tool.put("published_by", offer.publishedBy());
                    tool.put("description", state.description());
                    tool.set("input_schema", state.inputSchema());
                    tool.put("input_summary", SchemaSummary.of(state.inputSchema()));
                    tool.set("output_schema", state.outputSchema());
                } else {
                    tool.putNull("published_by").putNull("description").putNull("input_schema").putNull("input_summary")
                            .putNull("output_schema");
                }
            }
        }
        return json;
    }

    /**
     * The agent's {@code agent.v1} members as published (unknown extras included), plus what this runtime
     * concluded: {@code room_id}, {@code liveness}, {@code last_active_ts} (ms) and {@code last_active}
     * (RFC 3339), {@code fingerprint} of the published key, and {@code hosted}.
     */
    public static ObjectNode agent(AgentView view) {
        ObjectNode json = ProtocolCodec.encode(view.state());
        json.put("room_id", view.roomId());
        json.put("liveness", view.liveness().wire());
        json.put("last_active_ts", view.lastActiveMillis());
        json.put("last_active", Timestamps.seconds(Instant.ofEpochMilli(view.lastActiveMillis())));
        json.put("fingerprint", PublicKeys.fingerprintOfKeyId(view.state().signingKeyId()));
        json.put("hosted", view.hosted());
        return json;
    }

    public static ArrayNode agents(List<AgentView> views) {
        ArrayNode array = ProtocolJson.nodes().arrayNode();
        views.forEach(view -> array.add(agent(view)));
        return array;
    }

    public static ObjectNode registration(AgentRegistration registration) {
        return ProtocolJson.newObject().put("agent_id", registration.agentId())
                .put("room_id", registration.roomId()).put("pid", registration.pid());
    }

    public static ObjectNode publicRooms(List<PublicRoom> rooms) {
        ObjectNode json = ProtocolJson.newObject();
        ArrayNode array = json.putArray("rooms");
        for (PublicRoom room : rooms) {
            ObjectNode entry = array.addObject().put("room_id", room.roomId()).put("alias", room.alias())
                    .put("name", room.name()).put("topic", room.topic())
                    .put("joined_members", room.joinedMembers()).put("joined", room.joined());
            if (room.workspace() == null) {
                entry.putNull("workspace");
            } else {
                entry.put("workspace", room.workspace());
            }
        }
        return json;
    }
}
