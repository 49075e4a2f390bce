package org.mxagent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two {@code workspace.status} results, one line each, for {@code workspace status
 * --watch}: agents that appeared or went away, liveness, announced status and tools, {@code workspace.v1} and
 * task counts. Ages ("seen 3 s ago") are not changes.
 */
final class WatchDiff {
    private WatchDiff() {}

    static List<String> lines(Map<String, Object> before, Map<String, Object> after) {
        List<String> lines = new ArrayList<>();
        Map<String, Map<String, Object>> old = agents(before);
        Map<String, Map<String, Object>> now = agents(after);
        for (Map.Entry<String, Map<String, Object>> entry : now.entrySet()) {
            String id = entry.getKey();
            Map<String, Object> agent = entry.getValue();
            Map<String, Object> was = old.get(id);
            if (was == null) {
                lines.add("agent " + id + " appeared: " + Json.string(agent, "liveness") + " (" + orDash(
                        Json.string(agent, "kind")) + ", " + orDash(Json.string(agent, "matrix_user_id")) + ")");
                continue;
            }
            changed(lines, id, "liveness", was, agent);
            changed(lines, id, "status", was, agent);
            List<String> tools = AgentCommands.strings(agent, "tools");
            if (!tools.equals(AgentCommands.strings(was, "tools"))) {
                lines.add("agent " + id + " tools: " + (tools.isEmpty() ? "none" : String.join(", ", tools)));
            }
        }
        for (String id : old.keySet()) {
            if (!now.containsKey(id)) {
                lines.add("agent " + id + " is gone (its agent.v1 state was removed)");
            }
        }
        Map<String, Object> workspace = Json.object(after, "workspace");
        if (!Objects.equals(Json.object(before, "workspace"), workspace)) {
            lines.add("workspace " + describeWorkspace(workspace));
        }
        Map<String, Object> tasks = Json.object(after, "tasks");
        if (!Objects.equals(Json.object(before, "tasks"), tasks)) {
            lines.add("tasks " + describeTasks(tasks));
        }
        return lines;
    }

    static String describeWorkspace(Map<String, Object> workspace) {
        if (workspace.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder("project ").append(orDash(Json.string(workspace, "project_id")));
        String path = Json.string(workspace, "path");
        if (path != null && !path.isEmpty()) {
            text.append(", path ").append(path);
        }
        Map<String, Object> repo = Json.object(workspace, "repo");
        if (!repo.isEmpty()) {
            String branch = Json.string(repo, "branch");
            String commit = Json.string(repo, "commit");
            text.append(", branch ").append(orDash(branch)).append(", commit ")
                    .append(commit == null ? "-" : commit.substring(0, Math.min(12, commit.length())));
            String remote = Json.string(repo, "remote_url");
            if (remote != null) {
                text.append(", remote ").append(remote);
            }
        }
        return text.append(" (state_rev ").append(Json.number(workspace, "state_rev", 0)).append(", attached by ")
                .append(orDash(Json.string(workspace, "attached_by"))).append(')').toString();
    }

    static String describeTasks(Map<String, Object> tasks) {
        if (tasks.isEmpty()) {
            return "none";
        }
        long total = 0;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> entry : tasks.entrySet()) {
            long count = entry.getValue() instanceof Number number ? number.longValue() : 0;
            total += count;
            parts.add(entry.getKey() + " " + count);
        }
        return total + " (" + String.join(", ", parts) + ")";
    }

    private static void changed(List<String> lines, String id, String field, Map<String, Object> was,
            Map<String, Object> now) {
        String before = Json.string(was, field);
        String after = Json.string(now, field);
        if (!Objects.equals(before, after)) {
            lines.add("agent " + id + " " + field + " " + orDash(before) + " -> " + orDash(after));
        }
    }

    private static Map<String, Map<String, Object>> agents(Map<String, Object> status) {
        Map<String, Map<String, Object>> agents = new LinkedHashMap<>();
        for (Object item : WorkspaceCommands.list(status, "agents")) {
            Map<String, Object> agent = Json.object(item);
            agents.put(Json.string(agent, "agent_id"), agent);
        }
        return agents;
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
