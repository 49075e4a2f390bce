package org.mxagent.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.mxagent.ipc.wire.JsonWriter;

/**
 * {@code task create | update | list | show | graph | watch | cancel}: the daemon's {@code task.*} methods
 * (docs/workflow.md). Tasks are {@code task.v1} state of a workspace room.
 */
final class TaskCommands {
    private static final String[] NONE = {};
    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled", "superseded");

    static final CommandSpec CREATE = new CommandSpec("task create",
            "task create --room R [--assign AGENT] [--depends-on ID…] [OPTIONS] TITLE [-- ARGV… | --tool NAME[@V]]",
            "Create a task (state pending) in a workspace; with a command after -- (or a --tool call) it is runnable "
                    + "by --assign.",
            """
            Options:
              --room R            workspace room (id or alias)
              --assign AGENT      the agent to run it (agt_…); needed with a command
              --depends-on ID     a task it waits for (repeatable, or comma-separated)
              --blocks ID         a task that waits for this one (repeatable, or comma-separated)
              --description TEXT  longer text
              --as AGENT          author and sign it as this hosted agent (default: this runtime's agent there)
              --cwd DIR           working directory of the command (default: the current directory)
              --env K=V           environment override of the command (repeatable)
              --timeout T         the command's timeout, e.g. 90s, 5m (default: the target's policy)
              --run-on AGENT      run the command on this other agent (agt_…) over signed remote exec:
                                  AGENT's runtime and policy decide; --cwd is then a path on AGENT's machine
                                  (default: AGENT's advertised workspace directory)
              --tool NAME[@V]     instead of a command: call this tool of --assign's runtime (its policy's
                                  allow_tools for your user decides); result JSON in the task's summary
              --arg K=V | K:=JSON the tool's arguments (repeatable), or --input-json F (a JSON object; - is stdin)

            The command is signed for AGENT with this runtime's key (valid 24 h); AGENT's runtime runs it once
            every dependency has succeeded, if its policy allows. A dependency cycle is refused (exit 64) with
            its path. With --run-on, --assign's runtime claims it and sends the command to AGENT. Prints the new
            task id.
            """, NONE, new String[] {"--room", "--assign", "--depends-on", "--blocks", "--description", "--as",
                "--cwd", "--env", "--timeout", "--run-on", "--tool", "--arg", "--input-json"});

    static final CommandSpec UPDATE = new CommandSpec("task update",
            "task update ID --room R [--state S] [--assign AGENT] [--title T] [--description D]",
            "Change a task's state, assignee, title or description (state_rev + 1).",
            """
            Options:
              --room R            workspace room (id or alias)
              --state S           proposed, pending, assigned, executing, succeeded, failed, cancelled,
                                  blocked or superseded; only allowed transitions (exit 64 says which are)
              --assign AGENT      a new assignee; a command is re-signed for it
              --title T, --description D

            Setting the state back to pending (e.g. from blocked) makes a task runnable again.
            """, NONE, new String[] {"--room", "--state", "--assign", "--title", "--description"});

    static final CommandSpec LIST = new CommandSpec("task list", "task list --room R [--state S]",
            "List a workspace's tasks: id, state, assignee, dependencies, title and result reason.",
            """
            Options:
              --room R     workspace room (id or alias)
              --state S    only tasks in this state (repeatable)
            """, NONE, new String[] {"--room", "--state"});

    static final CommandSpec SHOW = new CommandSpec("task show", "task show ID [--room R]",
            "Show one task in full: its task.v1 state, the invocation that ran it and its result. Exit 3 if unknown.",
            """
            Options:
              --room R   workspace room (default: the rooms of the agents hosted here)
            """, NONE, new String[] {"--room"});

    static final CommandSpec GRAPH = new CommandSpec("task graph",
            "task graph --room R [--format text|dot|svg] [--output F]",
            "The task DAG: text (states, owners, why a task waits), Graphviz DOT, or SVG rendered by Graphviz.",
            """
            Options:
              --room R                  workspace room (id or alias)
              --format text|dot|svg     default text; svg needs Graphviz 'dot' on the daemon's machine
              --output F                write it to F instead of standard output
            """, NONE, new String[] {"--room", "--format", "--output"});

    static final CommandSpec WATCH = new CommandSpec("task watch",
            "task watch --room R [--until-done] [--interval T]",
            "Print each task's state changes as they happen (until interrupted, or with --until-done until all end).",
            """
            Options:
              --room R        workspace room (id or alias)
              --until-done    stop once every task is in a final state: exit 0 if all succeeded, 1 otherwise
              --interval T    how often to look (default 1s)

            Each line: time, task id, old -> new state, reason (for a result), title. With --json: one JSON
            object per line ({"task_id","from","to","reason","title","at"}).
            """, new String[] {"--until-done"}, new String[] {"--room", "--interval"});

    static final CommandSpec CANCEL = new CommandSpec("task cancel", "task cancel ID [--room R]",
            "Cancel a task; if it runs on this runtime, its process is stopped too.",
            """
            Options:
              --room R   workspace room (default: the rooms of the agents hosted here)

            A task in a final state cannot be cancelled (exit 64). Exit 3 if unknown.
            """, NONE, new String[] {"--room"});

    static final List<CommandSpec> SPECS = List.of(CREATE, UPDATE, LIST, SHOW, GRAPH, WATCH, CANCEL);

    private TaskCommands() {}

    static int run(Invocation inv) throws CliException {
        String name = inv.line.command().name();
        if (!name.equals("create") && !inv.line.afterDoubleDash().isEmpty()) {
            throw CommandArgs.usage(inv, "mx-agent task " + name + " takes no arguments after --");
        }
        switch (name) {
            case "create":
                return create(inv);
            case "update":
                return update(inv);
            case "list":
                return list(inv);
            case "show":
                return show(inv);
            case "graph":
                return graph(inv);
            case "watch":
                return watch(inv);
            case "cancel":
                return cancel(inv);
            default:
                throw new IllegalStateException("no handler for " + inv.line.command().path());
        }
    }

    static int create(Invocation inv) throws CliException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", CommandArgs.requiredRoom(inv));
        List<String> operands = inv.line.positionals();
        if (operands.size() != 1 || operands.get(0).isBlank()) {
            throw CommandArgs.usage(inv, operands.isEmpty() ? "mx-agent task create needs a TITLE"
                    : "mx-agent task create takes one TITLE (quote it), got " + operands.size() + " words");
        }
        params.put("title", operands.get(0));
        WorkspaceCommands.putIfPresent(params, "description", CommandArgs.optional(inv, "--description"));
        String assignee = CommandArgs.optional(inv, "--assign");
        WorkspaceCommands.putIfPresent(params, "assigned_to", agentId(inv, "--assign", assignee));
        WorkspaceCommands.putIfPresent(params, "created_by", agentId(inv, "--as", CommandArgs.optional(inv, "--as")));
        params.put("depends_on", taskIds(inv, "--depends-on"));
        params.put("blocks", taskIds(inv, "--blocks"));
        List<String> argv = inv.line.afterDoubleDash();
        String tool = CommandArgs.optional(inv, "--tool");
        if (tool != null) {
            params.put("action", toolAction(inv, tool, assignee, argv));
        } else if (inv.line.has("--arg") || inv.line.has("--input-json")) {
            throw CommandArgs.usage(inv, "--arg and --input-json are the arguments of a --tool call");
        } else if (argv.isEmpty()) {
            for (String option : List.of("--cwd", "--env", "--timeout", "--run-on")) {
                if (inv.line.has(option)) {
                    throw CommandArgs.usage(inv, option + " is for the task's command, given after --");
                }
            }
        } else {
            if (assignee == null) {
                throw CommandArgs.usage(inv, "a task with a command needs --assign AGENT: the command is signed "
                        + "for that one agent");
            }
            params.put("action", execAction(inv, argv));
        }
        Map<String, Object> task = WorkspaceCommands.call(inv, "task.create", params);
        if (inv.json()) {
            inv.printJson(task);
        } else {
            inv.out.println("created " + Json.string(task, "task_id") + " in " + Json.string(task, "room"));
            inv.out.print(details(task));
        }
        return ExitCodes.OK;
    }

    /** {@code {"type":"tool","tool","args"}}, with the arguments {@code mx-agent call} takes. */
    private static Map<String, Object> toolAction(Invocation inv, String tool, String assignee, List<String> argv)
            throws CliException {
        if (tool.isBlank()) {
            throw CommandArgs.usage(inv, "--tool needs NAME or NAME@VERSION");
        }
        if (!argv.isEmpty()) {
            throw CommandArgs.usage(inv, "a task runs either a command (after --) or a --tool call, not both");
        }
        for (String option : List.of("--cwd", "--env", "--timeout", "--run-on")) {
            if (inv.line.has(option)) {
                throw CommandArgs.usage(inv, option + " is for a task's command, not a --tool call");
            }
        }
        if (assignee == null) {
            throw CommandArgs.usage(inv, "a task with a --tool call needs --assign AGENT: the call is signed for "
                    + "that one agent and runs on its runtime");
        }
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "tool");
        action.put("tool", tool);
        action.put("args", CallCommand.args(inv));
        return action;
    }

    private static Map<String, Object> execAction(Invocation inv, List<String> argv) throws UsageException {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", "exec");
        action.put("command", argv);
        String cwd = CommandArgs.optional(inv, "--cwd");
        String runOn = agentId(inv, "--run-on", CommandArgs.optional(inv, "--run-on"));
        if (runOn != null) {
            // A directory on the other machine: not resolved here; none means its advertised workspace.
            if (cwd != null && !Path.of(cwd).isAbsolute()) {
                throw CommandArgs.usage(inv, "--cwd with --run-on must be an absolute path on that agent's "
                        + "machine, got '" + cwd + "'");
            }
            action.put("cwd", cwd);
        } else {
            Path base = Path.of(System.getProperty("user.dir"));
            action.put("cwd", (cwd == null ? base : base.resolve(cwd)).toAbsolutePath().normalize().toString());
        }
        Map<String, Object> env = new LinkedHashMap<>();
        for (String pair : CommandArgs.repeated(inv, "--env")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw CommandArgs.usage(inv, "--env takes NAME=VALUE, got '" + pair + "'");
            }
            env.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        action.put("env", env);
        String timeout = CommandArgs.optional(inv, "--timeout");
        action.put("timeout_ms", timeout == null ? null : Durations.millis(timeout, "--timeout", "task create"));
        action.put("stream", false);
        if (runOn != null) {
            action.put("run_on", runOn);
        }
        return action;
    }

    static int update(Invocation inv) throws CliException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", CommandArgs.requiredRoom(inv));
        params.put("task_id", taskOperand(inv));
        WorkspaceCommands.putIfPresent(params, "state", CommandArgs.optional(inv, "--state"));
        WorkspaceCommands.putIfPresent(params, "assigned_to",
                agentId(inv, "--assign", CommandArgs.optional(inv, "--assign")));
        WorkspaceCommands.putIfPresent(params, "title", CommandArgs.optional(inv, "--title"));
        WorkspaceCommands.putIfPresent(params, "description", CommandArgs.optional(inv, "--description"));
        if (params.size() == 2) {
            throw CommandArgs.usage(inv, "nothing to change: give --state, --assign, --title or --description");
        }
        Map<String, Object> task = WorkspaceCommands.call(inv, "task.update", params);
        if (inv.json()) {
            inv.printJson(task);
        } else {
            inv.out.println(Json.string(task, "task_id") + " -> " + Json.string(task, "state") + " (rev "
                    + Json.number(task, "state_rev", -1) + ")");
        }
        return ExitCodes.OK;
    }

    static int list(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", CommandArgs.requiredRoom(inv));
        List<String> states = CommandArgs.repeated(inv, "--state");
        Map<String, Object> result = WorkspaceCommands.call(inv, "task.list", params);
        List<Object> tasks = new ArrayList<>();
        for (Object item : WorkspaceCommands.list(result, "tasks")) {
            if (states.isEmpty() || states.contains(Json.string(Json.object(item), "state"))) {
                tasks.add(item);
            }
        }
        if (inv.json()) {
            Map<String, Object> filtered = new LinkedHashMap<>(result);
            filtered.put("tasks", tasks);
            inv.printJson(filtered);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("TASK", "STATE", "ASSIGNED", "DEPENDS ON", "REASON", "TITLE");
        for (Object item : tasks) {
            Map<String, Object> task = Json.object(item);
            table.row(Json.string(task, "task_id"), Json.string(task, "state"), Json.string(task, "assigned_to"),
                    String.join(",", strings(task, "depends_on")), reason(task), Json.string(task, "title"));
        }
        inv.out.print(table.isEmpty() ? "no tasks\n" : table.render());
        return ExitCodes.OK;
    }

    static int show(Invocation inv) throws CliException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("task_id", taskOperand(inv));
        WorkspaceCommands.putIfPresent(params, "room", CommandArgs.optionalRoom(inv));
        Map<String, Object> task = WorkspaceCommands.call(inv, "task.show", params);
        if (inv.json()) {
            inv.printJson(task);
        } else {
            StringBuilder text = new StringBuilder();
            WorkspaceCommands.field(text, "task", Json.string(task, "task_id"));
            WorkspaceCommands.field(text, "room", Json.string(task, "room"));
            text.append(details(task));
            inv.out.print(text);
        }
        return ExitCodes.OK;
    }

    static int graph(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", CommandArgs.requiredRoom(inv));
        String format = CommandArgs.oneOf(inv, "--format", "text", "dot", "svg");
        params.put("format", format == null ? "text" : format);
        String output = CommandArgs.optional(inv, "--output");
        Map<String, Object> result = WorkspaceCommands.call(inv, "task.graph", params);
        String graph = Json.string(result, "graph");
        if (output != null) {
            Path file = Path.of(System.getProperty("user.dir")).resolve(output)
                    .toAbsolutePath().normalize();
            try {
                Files.writeString(file, graph, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILURE, "cannot write " + file + ": " + e.getMessage());
            }
            Map<String, Object> written = new LinkedHashMap<>(result);
            written.remove("graph");
            written.put("written_to", file.toString());
            written.put("bytes", (long) graph.getBytes(StandardCharsets.UTF_8).length);
            if (inv.json()) {
                inv.printJson(written);
            } else {
                inv.err.println("mx-agent: wrote the " + params.get("format") + " graph to " + file);
            }
        } else if (inv.json()) {
            inv.printJson(result);
        } else {
            Invocation.printBlock(inv.out, graph);
        }
        return ExitCodes.OK;
    }

    /** Polls task.list and prints every change of state; the first look prints every task once. */
    static int watch(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("room", CommandArgs.requiredRoom(inv));
        String interval = CommandArgs.optional(inv, "--interval");
        long every = interval == null ? 1000 : Durations.millis(interval, "--interval", "task watch");
        boolean untilDone = inv.line.has("--until-done");
        Map<String, String> seen = new HashMap<>();
        try (IpcClient client = inv.connect()) {
            while (true) {
                List<Object> tasks = WorkspaceCommands.list(Json.object(client.call("task.list", params)), "tasks");
                boolean allDone = !tasks.isEmpty();
                boolean allSucceeded = true;
                for (Object item : tasks) {
                    Map<String, Object> task = Json.object(item);
                    String id = Json.string(task, "task_id");
                    String state = Json.string(task, "state");
                    String before = seen.put(id, state);
                    if (!state.equals(before)) {
                        printChange(inv, task, before);
                    }
                    allDone &= TERMINAL.contains(state);
                    allSucceeded &= "succeeded".equals(state);
                }
                inv.out.flush();
                if (untilDone && allDone) {
                    return allSucceeded ? ExitCodes.OK : ExitCodes.FAILURE;
                }
                // A watch is a poll at the user's pace; the daemon has no task change stream yet.
                LockSupport.parkNanos(every * 1_000_000L);
                if (Thread.interrupted()) {
                    return ExitCodes.FAILURE;
                }
            }
        }
    }

    private static void printChange(Invocation inv, Map<String, Object> task, String before) {
        if (inv.json()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("task_id", Json.string(task, "task_id"));
            change.put("from", before);
            change.put("to", Json.string(task, "state"));
            change.put("reason", reason(task));
            change.put("title", Json.string(task, "title"));
            change.put("at", task.get("updated_at"));
            inv.printJson(change);
            return;
        }
        String reason = reason(task);
        Object at = task.get("updated_at");
        String when = at instanceof String text ? text : Ages.seconds(at);
        inv.out.println(when + "  " + Json.string(task, "task_id") + "  "
                + (before == null ? "" : before + " -> ") + Json.string(task, "state")
                + (reason == null ? "" : " (" + reason + ")") + "  " + TextTable.oneLine(
                        String.valueOf(Json.string(task, "title"))));
    }

    static int cancel(Invocation inv) throws CliException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("task_id", taskOperand(inv));
        WorkspaceCommands.putIfPresent(params, "room", CommandArgs.optionalRoom(inv));
        Map<String, Object> task = WorkspaceCommands.call(inv, "task.cancel", params);
        if (inv.json()) {
            inv.printJson(task);
        } else {
            inv.out.println("cancelled " + Json.string(task, "task_id") + " in " + Json.string(task, "room")
                    + (Json.string(task, "invocation_id") == null ? ""
                            : " (invocation " + Json.string(task, "invocation_id") + ")"));
        }
        return ExitCodes.OK;
    }

    /** The "label value" lines of a task, for create and show. */
    static String details(Map<String, Object> task) {
        StringBuilder text = new StringBuilder();
        WorkspaceCommands.field(text, "title", Json.string(task, "title"));
        WorkspaceCommands.field(text, "description", Json.string(task, "description"));
        WorkspaceCommands.field(text, "state", Json.string(task, "state") + " (rev "
                + Json.number(task, "state_rev", 0) + ")");
        WorkspaceCommands.field(text, "assigned to", Json.string(task, "assigned_to"));
        WorkspaceCommands.field(text, "created by", Json.string(task, "created_by"));
        WorkspaceCommands.field(text, "depends on", String.join(", ", strings(task, "depends_on")));
        WorkspaceCommands.field(text, "blocks", String.join(", ", strings(task, "blocks")));
        Map<String, Object> action = Json.object(task, "action");
        if ("exec".equals(Json.string(action, "type"))) {
            String cwd = Json.string(action, "cwd");
            String runOn = Json.string(action, "run_on");
            WorkspaceCommands.field(text, "command", String.join(" ", strings(action, "command")) + " (in "
                    + (cwd == null ? "the executor's workspace" : cwd) + (runOn == null ? "" : ", on " + runOn)
                    + ")");
        } else if ("tool".equals(Json.string(action, "type"))) {
            WorkspaceCommands.field(text, "tool", Json.string(action, "tool") + " "
                    + JsonWriter.write(action.get("args")));
        } else if (Json.string(action, "type") != null) {
            WorkspaceCommands.field(text, "action", Json.string(action, "type"));
        }
        WorkspaceCommands.field(text, "invocation", Json.string(task, "invocation_id"));
        if (Json.string(task, "payload_error") != null) {
            WorkspaceCommands.field(text, "payload", Json.string(task, "payload_error") + " (never run)");
        } else if (Json.string(task, "payload_event_id") != null) {
            WorkspaceCommands.field(text, "payload", "encrypted event " + Json.string(task, "payload_event_id")
                    + ", sha256 verified");
        }
        Map<String, Object> result = Json.object(task, "result");
        if (!result.isEmpty()) {
            Object exit = result.get("exit_code");
            WorkspaceCommands.field(text, "result", Json.string(result, "status") + ", "
                    + Json.string(result, "reason") + (exit == null ? "" : ", exit " + exit));
            WorkspaceCommands.field(text, "summary", Json.string(result, "summary"));
        }
        return text.toString();
    }

    private static String reason(Map<String, Object> task) {
        return Json.string(Json.object(task, "result"), "reason");
    }

    private static List<String> strings(Map<String, Object> object, String name) {
        List<String> out = new ArrayList<>();
        for (Object value : WorkspaceCommands.list(object, name)) {
            if (value instanceof String text) {
                out.add(text);
            }
        }
        return out;
    }

    private static String taskOperand(Invocation inv) throws UsageException {
        String id = CommandArgs.operands(inv, 1, 1, "a task id (task_…)").get(0);
        if (!id.startsWith("task_")) {
            throw CommandArgs.usage(inv, "not a task id: '" + id + "' (task ids start with task_)");
        }
        return id;
    }

    private static List<String> taskIds(Invocation inv, String option) throws UsageException {
        List<String> ids = new ArrayList<>();
        for (String value : CommandArgs.repeated(inv, option)) {
            for (String id : value.split(",")) {
                String trimmed = id.strip();
                if (!trimmed.startsWith("task_")) {
                    throw CommandArgs.usage(inv, option + " takes task ids (task_…), got '" + trimmed + "'");
                }
                ids.add(trimmed);
            }
        }
        return ids;
    }

    private static String agentId(Invocation inv, String option, String value) throws UsageException {
        if (value != null && !value.startsWith("agt_")) {
            throw CommandArgs.usage(inv, option + " takes an agent id (agt_…), got '" + value + "'");
        }
        return value;
    }
}
