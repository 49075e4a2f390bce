package org.mxagent.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code workspace create | join | attach | grant | status | list | discover}: the daemon's {@code workspace.*}
 * methods.
 */
final class WorkspaceCommands {
    private static final String[] NONE = {};

    static final CommandSpec CREATE = new CommandSpec("workspace create", "workspace create [--alias A] [OPTIONS]",
            "Create a workspace: a Matrix room with mx-agent power levels and workspace state.",
            """
            Options:
              --alias ALIAS              local part (proj) or #proj:server on your own server
              --name NAME                room name
              --topic TOPIC              room topic
              --visibility private|public   private (default; join by invite) or public (anyone may join
                                         by alias or id; the homeserver may refuse to list it in its directory)
              --e2ee on|off              end-to-end encryption of the timeline (default off)
              --project-id ID            workspace.v1 project_id (default: the alias, else the name)
              --path PATH                workspace.v1 path

            Members post timeline events at level 0; publishing agents (com.mxagent.* state) needs level 50,
            which the creator hands out with 'mx-agent workspace grant'. Prints the room id.
            """, NONE, new String[] {"--alias", "--name", "--topic", "--visibility", "--e2ee", "--project-id",
                "--path"});

    static final CommandSpec JOIN = new CommandSpec("workspace join", "workspace join ROOM",
            "Join a workspace by room id (!id:server) or alias (#name:server).",
            """
            A private workspace needs an invitation first. Prints the room id; warns when the room carries no
            workspace state (it is not an mx-agent workspace).
            """, NONE, NONE);

    static final CommandSpec GRANT = new CommandSpec("workspace grant",
            "workspace grant --room ROOM --user @USER",
            "Set a member's power level in a workspace (default 50: may publish agents).",
            """
            Options:
              --room ROOM     room id or alias
              --user @USER    full Matrix user id, e.g. @bob:example.org
              --level N       0..100 (default 50). 50 lets the user register agents (agent.v1 state);
                              100 also lets them change the room itself.
            """, NONE, new String[] {"--room", "--user", "--level"});

    static final CommandSpec ATTACH = new CommandSpec("workspace attach",
            "workspace attach [--room ROOM] [--path DIR] [--project-id ID]",
            "Attach a project checkout to a workspace: publishes its path and git remote, branch and commit.",
            """
            Options:
              --room ROOM        room id or alias; may be left out when exactly one workspace is joined
              --path DIR         the checkout (default: the current directory)
              --project-id ID    workspace.v1 project_id (default: the current one, else the directory name)

            The daemon reads the repo from git in DIR (remote 'origin' without any credentials in its URL,
            branch, HEAD commit; none outside a git work tree) and publishes workspace.v1 with state_rev one
            higher than before. Needs power level 50 in the room.
            """, NONE, new String[] {"--room", "--path", "--project-id"});

    static final CommandSpec STATUS = new CommandSpec("workspace status", "workspace status [--room ROOM] [--watch]",
            "Show a workspace: members and their levels, workspace state, tasks, and agents with liveness.",
            """
            Options:
              --room ROOM   room id or alias; may be left out when exactly one workspace is joined
              --watch       keep going: print each change (agents appearing, going away or changing liveness,
                            workspace.v1, task counts) as the daemon sees it, until Ctrl-C or the end of
                            standard input. With --json: one status object per line, on each change.
            """, new String[] {"--watch"}, new String[] {"--room"});

    static final CommandSpec LIST = new CommandSpec("workspace list", "workspace list",
            "List the joined workspaces (rooms with workspace state).", "", NONE, NONE);

    static final CommandSpec DISCOVER = new CommandSpec("workspace discover", "workspace discover [WORDS] [--limit N]",
            "Search the homeserver's public room directory; shows which rooms are workspaces.",
            """
            Options:
              --limit N   at most N rooms (default 50, at most 500)

            WORDS filter by name, alias and topic. Whether a room is a workspace is known only for rooms you
            have joined or that are world-readable ('?' otherwise).
            """, NONE, new String[] {"--limit"});

    static final List<CommandSpec> SPECS = List.of(CREATE, JOIN, ATTACH, GRANT, STATUS, LIST, DISCOVER);

    private WorkspaceCommands() {}

    static int run(Invocation inv) throws CliException {
        switch (inv.line.command().name()) {
            case "create":
                return create(inv);
            case "join":
                return join(inv);
            case "attach":
                return attach(inv);
            case "grant":
                return grant(inv);
            case "status":
                return status(inv);
            case "list":
                return list(inv);
            case "discover":
                return discover(inv);
            default:
                throw new IllegalStateException("no handler for " + inv.line.command().path());
        }
    }

    static int create(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> params = new LinkedHashMap<>();
        putIfPresent(params, "alias", CommandArgs.optional(inv, "--alias"));
        putIfPresent(params, "name", CommandArgs.optional(inv, "--name"));
        putIfPresent(params, "topic", CommandArgs.optional(inv, "--topic"));
        putIfPresent(params, "visibility", CommandArgs.oneOf(inv, "--visibility", "private", "public"));
        putIfPresent(params, "e2ee", CommandArgs.oneOf(inv, "--e2ee", "on", "off"));
        putIfPresent(params, "project_id", CommandArgs.optional(inv, "--project-id"));
        putIfPresent(params, "path", CommandArgs.optional(inv, "--path"));
        Map<String, Object> created = call(inv, "workspace.create", params);
        String warning = Json.string(created, "warning");
        if (warning != null) {
            inv.err.println("mx-agent: warning: " + warning);
        }
        if (inv.json()) {
            inv.printJson(created);
            return ExitCodes.OK;
        }
        StringBuilder text = new StringBuilder("created workspace ").append(Json.string(created, "room_id"))
                .append('\n');
        field(text, "alias", Json.string(created, "alias"));
        field(text, "name", Json.string(created, "name"));
        field(text, "topic", Json.string(created, "topic"));
        field(text, "visibility", Json.string(created, "visibility") + " (directory: "
                + Json.string(created, "directory_visibility") + ")");
        field(text, "e2ee", Json.flag(created, "e2ee") ? "on" : "off");
        Map<String, Object> workspace = Json.object(created, "workspace");
        field(text, "project", Json.string(workspace, "project_id"));
        inv.out.print(text);
        return ExitCodes.OK;
    }

    static int join(Invocation inv) throws CliException {
        String room = CommandArgs.room(inv, CommandArgs.operands(inv, 1, 1, "ROOM (a room id or alias)").get(0));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", room);
        Map<String, Object> joined = call(inv, "workspace.join", params);
        if (!Json.isObject(joined.get("workspace"))) {
            inv.err.println("mx-agent: warning: " + Json.string(joined, "room_id")
                    + " has no workspace state: it is not an mx-agent workspace");
        }
        if (inv.json()) {
            inv.printJson(joined);
        } else {
            String alias = Json.string(joined, "alias");
            inv.out.println("joined " + Json.string(joined, "room_id") + (alias == null ? "" : " (" + alias + ")"));
        }
        return ExitCodes.OK;
    }

    static int grant(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", CommandArgs.requiredRoom(inv));
        String user = CommandArgs.required(inv, "--user", "@USER");
        if (!user.startsWith("@") || user.indexOf(':') < 2) {
            throw CommandArgs.usage(inv, "--user must be a full Matrix user id (@name:server), got '" + user + "'");
        }
        params.put("user", user);
        putIfPresent(params, "level", CommandArgs.integer(inv, "--level", 0, 100, null));
        Map<String, Object> granted = call(inv, "workspace.grant", params);
        if (inv.json()) {
            inv.printJson(granted);
        } else {
            inv.out.println(Json.string(granted, "user") + " now has power level " + Json.number(granted, "level", -1)
                    + " in " + Json.string(granted, "room_id"));
        }
        return ExitCodes.OK;
    }

    static int attach(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> params = new LinkedHashMap<>();
        putIfPresent(params, "room", CommandArgs.optionalRoom(inv));
        String path = CommandArgs.optional(inv, "--path");
        // The daemon does not share our working directory: always an absolute path.
        params.put("path", Path.of(path == null ? "" : path).toAbsolutePath().normalize().toString());
        putIfPresent(params, "project_id", CommandArgs.optional(inv, "--project-id"));
        Map<String, Object> attached = call(inv, "workspace.attach", params);
        if (inv.json()) {
            inv.printJson(attached);
        } else {
            inv.out.println("attached to " + Json.string(attached, "room_id") + ": "
                    + WatchDiff.describeWorkspace(Json.object(attached, "workspace")));
        }
        return ExitCodes.OK;
    }

    static int status(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> params = new LinkedHashMap<>();
        putIfPresent(params, "room", CommandArgs.optionalRoom(inv));
        if (inv.line.has("--watch")) {
            // A stdin of /dev/null or an empty file (a script's) would end the watch at once: Ctrl-C only then.
            boolean stdinEndsIt = inv.in != System.in || !StdinPolicy.emptyByNature(Path.of("/proc/self/fd/0"));
            return WorkspaceWatcher.run(inv, params, stdinEndsIt);
        }
        Map<String, Object> status = call(inv, "workspace.status", params);
        if (inv.json()) {
            inv.printJson(status);
        } else {
            inv.out.print(renderStatus(status, System.currentTimeMillis()));
        }
        return ExitCodes.OK;
    }

    static int list(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> result = call(inv, "workspace.list", new LinkedHashMap<>());
        if (inv.json()) {
            inv.printJson(result);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("ROOM", "ALIAS", "NAME", "PROJECT");
        for (Object item : list(result, "workspaces")) {
            Map<String, Object> summary = Json.object(item);
            table.row(Json.string(summary, "room_id"), Json.string(summary, "alias"), Json.string(summary, "name"),
                    Json.string(Json.object(summary, "workspace"), "project_id"));
        }
        inv.out.print(table.isEmpty() ? "no workspaces joined (create one with 'mx-agent workspace create', or "
                + "join one with 'mx-agent workspace join ROOM')\n" : table.render());
        return ExitCodes.OK;
    }

    static int discover(Invocation inv) throws CliException {
        List<String> words = CommandArgs.operands(inv, 0, Integer.MAX_VALUE, "");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!words.isEmpty()) {
            params.put("search", String.join(" ", words));
        }
        putIfPresent(params, "limit", CommandArgs.integer(inv, "--limit", 1, 500, null));
        Map<String, Object> result = call(inv, "workspace.discover", params);
        if (inv.json()) {
            inv.printJson(result);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("ROOM", "ALIAS", "NAME", "MEMBERS", "JOINED", "WORKSPACE");
        for (Object item : list(result, "rooms")) {
            Map<String, Object> room = Json.object(item);
            Object workspace = room.get("workspace");
            table.row(Json.string(room, "room_id"), Json.string(room, "alias"), Json.string(room, "name"),
                    Long.toString(Json.number(room, "joined_members", 0)), Json.flag(room, "joined") ? "yes" : "no",
                    workspace == null ? "?" : Boolean.TRUE.equals(workspace) ? "yes" : "no");
        }
        inv.out.print(table.isEmpty() ? "no public rooms found\n" : table.render());
        return ExitCodes.OK;
    }

    /** The human form of a {@code workspace.status} result. */
    static String renderStatus(Map<String, Object> status, long nowMillis) {
        StringBuilder text = new StringBuilder();
        String alias = Json.string(status, "alias");
        field(text, "room", Json.string(status, "room_id") + (alias == null ? "" : " (" + alias + ")"));
        field(text, "name", Json.string(status, "name"));
        field(text, "topic", Json.string(status, "topic"));
        field(text, "version", Json.string(status, "room_version") + (Json.flag(status, "encrypted")
                ? ", encrypted" : ", not encrypted"));
        Map<String, Object> workspace = Json.object(status, "workspace");
        if (workspace.isEmpty()) {
            field(text, "workspace", "none (not an mx-agent workspace)");
        } else {
            StringBuilder about = new StringBuilder("project ").append(orDash(Json.string(workspace, "project_id")));
            String path = Json.string(workspace, "path");
            if (path != null && !path.isEmpty()) {
                about.append(", path ").append(path);
            }
            about.append(", attached by ").append(orDash(Json.string(workspace, "attached_by"))).append(' ')
                    .append(Ages.millis(workspace.get("attached_at")));
            field(text, "workspace", about.toString());
            Map<String, Object> repo = Json.object(workspace, "repo");
            if (!repo.isEmpty()) {
                String commit = Json.string(repo, "commit");
                field(text, "repo", orDash(Json.string(repo, "remote_url")) + ", branch "
                        + orDash(Json.string(repo, "branch")) + ", commit "
                        + (commit == null ? "-" : commit.substring(0, Math.min(12, commit.length()))));
            }
        }
        Map<String, Object> tasks = Json.object(status, "tasks");
        if (!tasks.isEmpty()) {
            field(text, "tasks", WatchDiff.describeTasks(tasks));
        }
        text.append("\nmembers\n");
        TextTable members = new TextTable("USER", "LEVEL", "NAME");
        for (Object item : list(status, "members")) {
            Map<String, Object> member = Json.object(item);
            members.row(Json.string(member, "user_id"), Json.number(member, "power_level", 0)
                    + (Json.flag(member, "creator") ? " (creator)" : ""), Json.string(member, "display_name"));
        }
        text.append(members.render().indent(2));
        text.append("\nagents\n");
        String agents = AgentCommands.renderList(list(status, "agents"), nowMillis);
        text.append(agents.indent(2));
        return text.toString();
    }

    static List<Object> list(Map<String, Object> object, String name) {
        return object.get(name) instanceof List<?> values ? new ArrayList<Object>(values) : List.of();
    }

    static Map<String, Object> call(Invocation inv, String method, Map<String, Object> params) throws CliException {
        try (IpcClient client = inv.connect()) {
            return Json.object(client.call(method, params));
        }
    }

    static void putIfPresent(Map<String, Object> params, String name, Object value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    /** "label         value" with the value column at 14; nothing for a missing or empty value. */
    static void field(StringBuilder text, String label, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        text.append(label).append(" ".repeat(Math.max(1, 14 - label.length()))).append(TextTable.oneLine(value))
                .append('\n');
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
