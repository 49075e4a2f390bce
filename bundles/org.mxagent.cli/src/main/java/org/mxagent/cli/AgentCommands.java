package org.mxagent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code agent register | list | show | tools | unregister}: the daemon's {@code agent.*} methods. */
final class AgentCommands {
    private static final String[] NONE = {};
    private static final long HEARTBEAT_MIN_MILLIS = 1_000;
    private static final long HEARTBEAT_MAX_MILLIS = 3_600_000;

    static final CommandSpec REGISTER = new CommandSpec("agent register", "agent register --room ROOM [OPTIONS]",
            "Host an agent in a workspace: this runtime publishes its agent.v1 state and heartbeats.",
            """
            Options:
              --room ROOM              workspace room id or alias (joined if needed)
              --agent-id ID            agt_<ULID> (default: a new one)
              --kind KIND              generic (default), claude, codex, aider, shell, ...
              --capability NAME        repeatable: --capability shell --capability test
              --tool NAME@VERSION      repeatable: --tool fmt@1.2.0
              --cwd DIR                working directory it advertises
              --project-id ID          project it advertises
              --max-invocations N      concurrent invocations it accepts (default 1)
              --heartbeat-interval DUR heartbeat period, 1s..1h, e.g. 5s, 2m (default 30s; on re-registration,
                                       the agent's current period). Advertised in agent.v1, so others judge it
                                       stale after 3 missed heartbeats and offline after 10.

            The agent signs with this runtime's key; peers approve it with the key id printed here (see also
            'mx-agent trust fingerprint'). Your account needs power level 50 in the room (workspace grant).
            The registration survives daemon restarts until 'mx-agent agent unregister'.
            """, NONE, new String[] {"--room", "--agent-id", "--kind", "--capability", "--tool", "--cwd",
                "--project-id", "--max-invocations", "--heartbeat-interval"});

    static final CommandSpec LIST = new CommandSpec("agent list", "agent list --room ROOM [OPTIONS]",
            "List the agents of a workspace with their liveness (active, stale, offline) and when last seen.",
            """
            Options:
              --room ROOM          workspace room id or alias
              --capability NAME    repeatable: only agents having every one of them

            Liveness: active when seen (agent.v1 or heartbeat) within 3 of its heartbeat periods, stale within 10,
            else offline (period 30 s unless the agent advertises its own: 90 s and 300 s). An agent that
            announced "offline" is offline at once. HOSTED marks agents of this runtime.
            """, NONE, new String[] {"--room", "--capability"});

    static final CommandSpec SHOW = new CommandSpec("agent show", "agent show AGENT_ID",
            "Show one agent: account, device, signing key and fingerprint, capabilities, tools, liveness.",
            """
            Looks in this runtime's hosted agents, then in every joined room. The signing key id it prints is
            what 'mx-agent trust approve --agent AGENT_ID --key KEY_ID' takes. Exit 3 if no such agent.
            """, NONE, NONE);

    static final CommandSpec TOOLS = new CommandSpec("agent tools", "agent tools [--room ROOM] [--agent AGENT_ID]",
            "List the tools a workspace's agents offer: name@version, description and input (from tool.v1).",
            """
            Options:
              --room ROOM        room id or alias (default: the agent's room with --agent, else the one joined
                                 workspace)
              --agent AGENT_ID   only this agent (exit 3 if the room has no such agent)

            Each agent advertises name@version in its agent.v1; the description and input schema come from
            the room's tool.v1 state, counted only when the agent's own account published it. INPUT lists the
            schema's properties (name?:type marks an optional one); --json gives the full schemas.
            """, NONE, new String[] {"--room", "--agent"});

    static final CommandSpec UNREGISTER = new CommandSpec("agent unregister", "agent unregister AGENT_ID",
            "Stop hosting an agent: it publishes status offline and its registration is forgotten.",
            "Exit 3 if this runtime does not host the agent.\n", NONE, NONE);

    static final List<CommandSpec> SPECS = List.of(REGISTER, LIST, SHOW, TOOLS, UNREGISTER);

    private AgentCommands() {}

    static int run(Invocation inv) throws CliException {
        switch (inv.line.command().name()) {
            case "register":
                return register(inv);
            case "list":
                return list(inv);
            case "show":
                return show(inv);
            case "tools":
                return tools(inv);
            case "unregister":
                return unregister(inv);
            default:
                throw new IllegalStateException("no handler for " + inv.line.command().path());
        }
    }

    static int register(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", CommandArgs.requiredRoom(inv));
        WorkspaceCommands.putIfPresent(params, "agent_id", CommandArgs.optional(inv, "--agent-id"));
        WorkspaceCommands.putIfPresent(params, "kind", CommandArgs.optional(inv, "--kind"));
        List<String> capabilities = CommandArgs.repeated(inv, "--capability");
        if (!capabilities.isEmpty()) {
            params.put("capabilities", capabilities);
        }
        List<String> tools = CommandArgs.repeated(inv, "--tool");
        for (String tool : tools) {
            int at = tool.indexOf('@');
            if (at < 1 || at == tool.length() - 1) {
                throw CommandArgs.usage(inv, "--tool takes NAME@VERSION, got '" + tool + "'");
            }
        }
        if (!tools.isEmpty()) {
            params.put("tools", tools);
        }
        WorkspaceCommands.putIfPresent(params, "cwd", CommandArgs.optional(inv, "--cwd"));
        WorkspaceCommands.putIfPresent(params, "project_id", CommandArgs.optional(inv, "--project-id"));
        WorkspaceCommands.putIfPresent(params, "max_invocations",
                CommandArgs.integer(inv, "--max-invocations", 1, Integer.MAX_VALUE, null));
        WorkspaceCommands.putIfPresent(params, "heartbeat_interval_ms", heartbeatInterval(inv));
        Map<String, Object> registered = WorkspaceCommands.call(inv, "agent.register", params);
        if (inv.json()) {
            inv.printJson(registered);
        } else {
            StringBuilder text = new StringBuilder("registered ").append(Json.string(registered, "agent_id"))
                    .append(" in ").append(Json.string(registered, "room_id")).append('\n');
            WorkspaceCommands.field(text, "signing key", Json.string(registered, "signing_key_id"));
            WorkspaceCommands.field(text, "fingerprint", Json.string(registered, "fingerprint"));
            inv.out.print(text);
        }
        return ExitCodes.OK;
    }

    /** Same bounds as the daemon's, checked here too so a typo fails before any IPC. */
    private static Long heartbeatInterval(Invocation inv) throws UsageException {
        String text = CommandArgs.optional(inv, "--heartbeat-interval");
        if (text == null) {
            return null;
        }
        long millis = Durations.millis(text, "--heartbeat-interval", "agent register");
        if (millis < HEARTBEAT_MIN_MILLIS || millis > HEARTBEAT_MAX_MILLIS) {
            throw CommandArgs.usage(inv, "--heartbeat-interval must be between 1s and 1h, got '" + text + "'");
        }
        return millis;
    }

    static int list(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", CommandArgs.requiredRoom(inv));
        List<String> capabilities = CommandArgs.repeated(inv, "--capability");
        if (!capabilities.isEmpty()) {
            params.put("capabilities", capabilities);
        }
        Map<String, Object> result = WorkspaceCommands.call(inv, "agent.list", params);
        if (inv.json()) {
            inv.printJson(result);
            return ExitCodes.OK;
        }
        List<Object> agents = WorkspaceCommands.list(result, "agents");
        if (agents.isEmpty()) {
            inv.out.println("no agents in " + params.get("room")
                    + (capabilities.isEmpty() ? "" : " with " + String.join(", ", capabilities)));
        } else {
            inv.out.print(renderList(agents, System.currentTimeMillis()));
        }
        return ExitCodes.OK;
    }

    static int show(Invocation inv) throws CliException {
        String agentId = CommandArgs.operands(inv, 1, 1, "AGENT_ID").get(0);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("agent_id", agentId);
        Map<String, Object> agent = WorkspaceCommands.call(inv, "agent.show", params);
        if (inv.json()) {
            inv.printJson(agent);
        } else {
            inv.out.print(renderAgent(agent, System.currentTimeMillis()));
        }
        return ExitCodes.OK;
    }

    static int tools(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> params = new LinkedHashMap<>();
        WorkspaceCommands.putIfPresent(params, "room", CommandArgs.optionalRoom(inv));
        String agentId = CommandArgs.optional(inv, "--agent");
        if (agentId != null && !agentId.startsWith("agt_")) {
            throw CommandArgs.usage(inv, "--agent takes an agent id (agt_...), got '" + agentId + "'");
        }
        WorkspaceCommands.putIfPresent(params, "agent_id", agentId);
        Map<String, Object> result = WorkspaceCommands.call(inv, "agent.tools", params);
        if (inv.json()) {
            inv.printJson(result);
        } else {
            inv.out.print(renderTools(result));
        }
        return ExitCodes.OK;
    }

    /** The table of {@code agent tools}. */
    static String renderTools(Map<String, Object> result) {
        TextTable table = new TextTable("AGENT", "TOOL", "INPUT", "DESCRIPTION");
        for (Object item : WorkspaceCommands.list(result, "agents")) {
            Map<String, Object> agent = Json.object(item);
            for (Object toolItem : WorkspaceCommands.list(agent, "tools")) {
                Map<String, Object> tool = Json.object(toolItem);
                boolean published = Json.flag(tool, "published");
                table.row(Json.string(agent, "agent_id"), Json.string(tool, "tool"),
                        published ? Json.string(tool, "input_summary") : "?",
                        published ? Json.string(tool, "description") : "(not described: no tool.v1 counts for it)");
            }
        }
        return table.isEmpty() ? "no tools advertised in " + Json.string(result, "room_id") + "\n" : table.render();
    }

    static int unregister(Invocation inv) throws CliException {
        String agentId = CommandArgs.operands(inv, 1, 1, "AGENT_ID").get(0);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("agent_id", agentId);
        Map<String, Object> result = WorkspaceCommands.call(inv, "agent.unregister", params);
        if (inv.json()) {
            inv.printJson(result);
        } else {
            inv.out.println("unregistered " + Json.string(result, "agent_id") + " (it now shows as offline)");
        }
        return ExitCodes.OK;
    }

    /** The agent table of {@code agent list} and {@code workspace status}; "no agents" when there are none. */
    static String renderList(List<Object> agents, long nowMillis) {
        TextTable table = new TextTable("AGENT", "KIND", "USER", "LIVENESS", "LAST SEEN", "CAPABILITIES", "HOSTED");
        for (Object item : agents) {
            Map<String, Object> agent = Json.object(item);
            table.row(Json.string(agent, "agent_id"), Json.string(agent, "kind"),
                    Json.string(agent, "matrix_user_id"), Json.string(agent, "liveness"),
                    Ages.agoOrNever(agent.get("last_active_ts"), nowMillis),
                    String.join(",", strings(agent, "capabilities")), Json.flag(agent, "hosted") ? "yes" : "no");
        }
        return table.isEmpty() ? "no agents\n" : table.render();
    }

    /** The human form of one agent ({@code agent show}). */
    static String renderAgent(Map<String, Object> agent, long nowMillis) {
        StringBuilder text = new StringBuilder();
        String agentId = Json.string(agent, "agent_id");
        WorkspaceCommands.field(text, "agent", agentId);
        WorkspaceCommands.field(text, "kind", Json.string(agent, "kind"));
        WorkspaceCommands.field(text, "room", Json.string(agent, "room_id"));
        String device = Json.string(agent, "device_id");
        WorkspaceCommands.field(text, "user", Json.string(agent, "matrix_user_id")
                + (device == null ? "" : " (device " + device + ")"));
        WorkspaceCommands.field(text, "liveness", Json.string(agent, "liveness") + ", last seen "
                + Ages.agoOrNever(agent.get("last_active_ts"), nowMillis)
                + (Json.string(agent, "last_active") == null ? "" : " (" + Json.string(agent, "last_active") + ")"));
        WorkspaceCommands.field(text, "status", Json.string(agent, "status"));
        WorkspaceCommands.field(text, "signing key", Json.string(agent, "signing_key_id"));
        WorkspaceCommands.field(text, "fingerprint", Json.string(agent, "fingerprint"));
        WorkspaceCommands.field(text, "capabilities", String.join(", ", strings(agent, "capabilities")));
        WorkspaceCommands.field(text, "tools", String.join(", ", strings(agent, "tools")));
        Map<String, Object> workspace = Json.object(agent, "workspace");
        List<String> where = new ArrayList<>();
        if (Json.string(workspace, "cwd") != null && !Json.string(workspace, "cwd").isEmpty()) {
            where.add("cwd " + Json.string(workspace, "cwd"));
        }
        if (Json.string(workspace, "project_id") != null && !Json.string(workspace, "project_id").isEmpty()) {
            where.add("project " + Json.string(workspace, "project_id"));
        }
        WorkspaceCommands.field(text, "workspace", String.join(", ", where));
        Map<String, Object> load = Json.object(agent, "load");
        if (!load.isEmpty()) {
            WorkspaceCommands.field(text, "load", Json.number(load, "running_invocations", 0) + " of "
                    + Json.number(load, "max_invocations", 1) + " invocations running");
        }
        boolean hosted = Json.flag(agent, "hosted");
        WorkspaceCommands.field(text, "hosted", hosted ? "yes (by this runtime)" : "no");
        if (!hosted && agentId != null && Json.string(agent, "signing_key_id") != null) {
            text.append("\nTo trust its requests, compare the fingerprint with its operator, then run:\n")
                    .append("  mx-agent trust approve --agent ").append(agentId).append(" --key ")
                    .append(Json.string(agent, "signing_key_id")).append('\n');
        }
        return text.toString();
    }

    static List<String> strings(Map<String, Object> object, String name) {
        List<String> strings = new ArrayList<>();
        for (Object value : WorkspaceCommands.list(object, name)) {
            if (value instanceof String text) {
                strings.add(text);
            }
        }
        return strings;
    }
}
