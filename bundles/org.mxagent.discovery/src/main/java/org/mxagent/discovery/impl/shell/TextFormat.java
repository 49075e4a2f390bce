package org.mxagent.discovery.impl.shell;

import java.util.List;
import org.mxagent.discovery.api.AgentTools;
import org.mxagent.discovery.api.AgentView;
import org.mxagent.discovery.api.Member;
import org.mxagent.discovery.api.ToolOffer;
import org.mxagent.discovery.api.Visibility;
import org.mxagent.discovery.api.WorkspaceStatus;
import org.mxagent.discovery.api.WorkspaceSummary;
import org.mxagent.discovery.impl.SchemaSummary;
import org.mxagent.protocol.api.ProtocolJson;

/** Plain-text renderings for the Gogo console; the IPC methods return JSON instead. */
final class TextFormat {
    private TextFormat() {}

    static String summary(WorkspaceSummary summary) {
        StringBuilder out = new StringBuilder(summary.roomId());
        if (!summary.alias().isEmpty()) {
            out.append("  ").append(summary.alias());
        }
        if (!summary.name().isEmpty()) {
            out.append("  \"").append(summary.name()).append('"');
        }
        if (summary.directoryVisibility() == Visibility.PUBLIC) {
            out.append("  (public directory)");
        }
        if (summary.workspace() == null) {
            out.append("  (no workspace.v1 state)");
        } else {
            out.append("  project ").append(summary.workspace().path("project_id").asText(""));
        }
        return out.toString();
    }

    static String summaries(List<WorkspaceSummary> summaries) {
        if (summaries.isEmpty()) {
            return "no joined workspaces";
        }
        StringBuilder out = new StringBuilder();
        summaries.forEach(summary -> out.append(summary(summary)).append('\n'));
        return out.toString().stripTrailing();
    }

    static String status(WorkspaceStatus status) {
        StringBuilder out = new StringBuilder();
        out.append("room:      ").append(status.roomId()).append('\n');
        out.append("name:      ").append(status.name()).append('\n');
        out.append("alias:     ").append(status.alias()).append('\n');
        out.append("topic:     ").append(status.topic()).append('\n');
        out.append("version:   ").append(status.roomVersion()).append(status.encrypted() ? ", encrypted" : "")
                .append('\n');
        out.append("workspace: ").append(status.workspace() == null ? "(none)"
                : ProtocolJson.write(status.workspace())).append('\n');
        out.append("members:\n");
        for (Member member : status.members()) {
            out.append("  ").append(member.userId()).append("  ")
                    .append(member.creator() ? "creator" : "level " + member.powerLevel()).append('\n');
        }
        if (!status.tasks().isEmpty()) {
            StringBuilder tasks = new StringBuilder();
            status.tasks().forEach((state, count) -> tasks.append(tasks.isEmpty() ? "" : ", ").append(state)
                    .append(' ').append(count));
            out.append("tasks:     ").append(tasks).append('\n');
        }
        out.append("agents:\n").append(agents(status.agents(), "  "));
        return out.toString().stripTrailing();
    }

    static String agents(List<AgentView> views, String indent) {
        if (views.isEmpty()) {
            return indent + "(none)";
        }
        StringBuilder out = new StringBuilder();
        long now = System.currentTimeMillis();
        for (AgentView view : views) {
            out.append(indent).append(agentLine(view, now)).append('\n');
        }
        return out.toString().stripTrailing();
    }

    static String agent(AgentView view) {
        var state = view.state();
        return "agent:        " + state.agentId() + (view.hosted() ? "  (hosted here)" : "") + '\n'
                + "room:         " + view.roomId() + '\n'
                + "liveness:     " + view.liveness().wire() + ", last active " + ago(view, System.currentTimeMillis())
                + '\n'
                + "status:       " + state.status() + '\n'
                + "kind:         " + state.kind() + '\n'
                + "matrix user:  " + state.matrixUserId() + " (device " + state.deviceId() + ")\n"
                + "signing key:  " + state.signingKeyId() + '\n'
                + "capabilities: " + String.join(", ", state.capabilities()) + '\n'
                + "tools:        " + String.join(", ", state.tools()) + '\n'
                + "load:         " + state.load().runningInvocations() + "/" + state.load().maxInvocations();
    }

    private static String agentLine(AgentView view, long now) {
        var state = view.state();
        return String.format("%s  %-7s  %-10s  %-8s  %s  [%s]%s", state.agentId(), view.liveness().wire(),
                ago(view, now), state.kind(), state.matrixUserId(), String.join(",", state.capabilities()),
                view.hosted() ? "  hosted" : "");
    }

    private static String ago(AgentView view, long now) {
        long seconds = Math.max(0, now - view.lastActiveMillis()) / 1000;
        return seconds < 120 ? seconds + "s ago" : seconds < 7200 ? seconds / 60 + "m ago" : seconds / 3600 + "h ago";
    }

    /** One line per tool: agent, name@version, input summary, description ("not described" without tool.v1). */
    static String tools(List<AgentTools> agents) {
        StringBuilder out = new StringBuilder();
        for (AgentTools agent : agents) {
            for (ToolOffer offer : agent.tools()) {
                out.append(agent.agent().agentId()).append("  ").append(offer.key()).append("  ");
                if (offer.published().isPresent()) {
                    out.append('(').append(SchemaSummary.of(offer.published().get().inputSchema())).append(")  ")
                            .append(offer.published().get().description());
                } else {
                    out.append("(not described: no tool.v1 counts for it)");
                }
                out.append('\n');
            }
        }
        return out.isEmpty() ? "no tools advertised" : out.toString().stripTrailing();
    }
}
