package org.mxagent.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code approval list | show | approve | deny}: the holds this runtime keeps for requests that need approval
 * (docs/approvals.md), over the daemon's {@code approval.*} methods.
 */
final class ApprovalCommands {
    private static final String[] NONE = {};

    static final CommandSpec LIST = new CommandSpec("approval list", "approval list [--room R]",
            "List the requests held here for approval: request id, room, expiry, approvals so far, what it would do.",
            """
            Options:
              --room R   only holds of this room (id; an alias is matched against nothing)
            """, NONE, new String[] {"--room"});

    static final CommandSpec SHOW = new CommandSpec("approval show", "approval show REQUEST_ID",
            "Show one held request in full. Exit 3 if there is no such hold (any more).", "", NONE, NONE);

    static final CommandSpec APPROVE = new CommandSpec("approval approve", "approval approve REQUEST_ID",
            "Approve a held request as this runtime's user: signed, applied here and posted to the room.",
            """
            Prints what became of it: released (re-authorized and run, exactly once), pending (more approvers
            needed) or denied (re-authorization refused it, e.g. the policy changed). Exit 3 if there is no such
            hold (already released, denied or expired); exit 1 when not logged in.
            """, NONE, NONE);

    static final CommandSpec DENY = new CommandSpec("approval deny", "approval deny REQUEST_ID",
            "Deny a held request: it never runs and its requester is told approval_denied.",
            "Exit 3 if there is no such hold.\n", NONE, NONE);

    static final List<CommandSpec> SPECS = List.of(LIST, SHOW, APPROVE, DENY);

    private ApprovalCommands() {}

    static int run(Invocation inv) throws CliException {
        if (!inv.line.afterDoubleDash().isEmpty()) {
            throw CommandArgs.usage(inv, "mx-agent " + inv.line.command().path() + " takes no arguments after --");
        }
        switch (inv.line.command().name()) {
            case "list":
                return list(inv);
            case "show":
                return show(inv);
            case "approve":
                return decide(inv, "approval.approve");
            case "deny":
                return decide(inv, "approval.deny");
            default:
                throw new IllegalStateException("no handler for " + inv.line.command().path());
        }
    }

    static int list(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        String room = CommandArgs.optionalRoom(inv);
        Map<String, Object> result = WorkspaceCommands.call(inv, "approval.list", new LinkedHashMap<>());
        List<Object> holds = new ArrayList<>();
        for (Object item : WorkspaceCommands.list(result, "holds")) {
            if (room == null || room.equals(Json.string(Json.object(item), "room_id"))) {
                holds.add(item);
            }
        }
        if (inv.json()) {
            Map<String, Object> filtered = new LinkedHashMap<>(result);
            filtered.put("holds", holds);
            inv.printJson(filtered);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("REQUEST", "ROOM", "EXPIRES", "APPROVALS", "FOR", "SUMMARY");
        for (Object item : holds) {
            Map<String, Object> hold = Json.object(item);
            table.row(Json.string(hold, "request_id"), Json.string(hold, "room_id"), Json.string(hold, "expires_at"),
                    String.valueOf(WorkspaceCommands.list(hold, "approvals").size()), Json.string(hold, "consumer"),
                    Json.string(hold, "summary"));
        }
        inv.out.print(table.isEmpty() ? "no requests held for approval\n" : table.render());
        return ExitCodes.OK;
    }

    static int show(Invocation inv) throws CliException {
        Map<String, Object> hold = WorkspaceCommands.call(inv, "approval.show", requestParam(inv));
        if (inv.json()) {
            inv.printJson(hold);
            return ExitCodes.OK;
        }
        StringBuilder text = new StringBuilder();
        WorkspaceCommands.field(text, "request", Json.string(hold, "request_id"));
        WorkspaceCommands.field(text, "room", Json.string(hold, "room_id"));
        WorkspaceCommands.field(text, "for", Json.string(hold, "consumer"));
        WorkspaceCommands.field(text, "summary", Json.string(hold, "summary"));
        WorkspaceCommands.field(text, "requester", Json.string(hold, "requester") + " ("
                + Json.string(hold, "sender") + ")");
        WorkspaceCommands.field(text, "target", Json.string(hold, "target"));
        WorkspaceCommands.field(text, "invocation", Json.string(hold, "invocation_id"));
        WorkspaceCommands.field(text, "held since", Json.string(hold, "created_at"));
        WorkspaceCommands.field(text, "expires", Json.string(hold, "expires_at"));
        List<Object> approvals = WorkspaceCommands.list(hold, "approvals");
        WorkspaceCommands.field(text, "approvals", approvals.isEmpty() ? "none yet"
                : String.join(", ", approvals.stream().map(String::valueOf).toList()));
        inv.out.print(text);
        return ExitCodes.OK;
    }

    static int decide(Invocation inv, String method) throws CliException {
        Map<String, Object> result = WorkspaceCommands.call(inv, method, requestParam(inv));
        if (inv.json()) {
            inv.printJson(result);
        } else {
            inv.out.println(Json.string(result, "request_id") + ": " + Json.string(result, "outcome"));
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> requestParam(Invocation inv) throws UsageException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("request_id", CommandArgs.operands(inv, 1, 1, "a REQUEST_ID (from 'mx-agent approval list')")
                .get(0));
        return params;
    }
}
