package org.mxagent.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code trust list | fingerprint | approve | revoke}: the runtime's local trust store; {@code trust publish |
 * state}: a room's advisory {@code trust.v1} state ({@code trust.*}).
 */
final class TrustCommands {
    private static final String[] NONE = {};
    private static final String KEY_ID_PREFIX = "mxagent-ed25519:";

    static final CommandSpec LIST = new CommandSpec("trust list", "trust list",
            "List the trusted and revoked signing keys: agent, status, local record or room grant, since when.",
            """
            Only requests signed with a trusted key can reach policy; everything else is rejected as
            untrusted_key. A local record (trust approve / revoke) always outranks room grants.
            """, NONE, NONE);

    static final CommandSpec FINGERPRINT = new CommandSpec("trust fingerprint", "trust fingerprint",
            "Show this runtime's own signing key id and SHA-256 fingerprint, to read to a peer.",
            """
            Every agent this runtime hosts signs with this key. A peer compares the fingerprint with what
            'mx-agent agent show AGENT_ID' prints on their side, then runs
              mx-agent trust approve --agent AGENT_ID --key KEY_ID
            """, NONE, NONE);

    static final CommandSpec APPROVE = new CommandSpec("trust approve", "trust approve --agent AGENT --key KEY_ID",
            "Trust an agent's signing key (a local record: it outranks room grants and re-enables a revoked key).",
            """
            Options:
              --agent AGENT    the agent id, agt_<ULID>, as 'mx-agent agent list' shows it
              --key KEY_ID     mxagent-ed25519:<43 characters>, as 'mx-agent agent show' prints it

            Compare the fingerprint (SHA256:<same 43 characters>) with the key's owner over another channel
            before approving.
            """, NONE, new String[] {"--agent", "--key"});

    static final CommandSpec REVOKE = new CommandSpec("trust revoke", "trust revoke --key KEY_ID",
            "Revoke every trust entry of a signing key; no room grant can re-enable it.",
            """
            Options:
              --key KEY_ID   mxagent-ed25519:<43 characters>

            Exit 3 when the key has no entry. Only a later 'mx-agent trust approve' trusts it again.
            """, NONE, new String[] {"--key"});

    static final CommandSpec PUBLISH = new CommandSpec("trust publish", "trust publish [--room ROOM]",
            "Publish this runtime's local trust records into a workspace as advisory trust.v1 state.",
            """
            Options:
              --room ROOM   room id or alias; may be left out when exactly one workspace is joined

            One trust.v1 state per record (key <agent_id>|<key_id>), trusted or revoked, with trusted_by set to
            your Matrix account. Recorded room grants are not republished. Others see it with 'mx-agent trust
            state'; it never changes what any runtime accepts. Needs power level 50 in the room.
            """, NONE, new String[] {"--room"});

    static final CommandSpec STATE = new CommandSpec("trust state", "trust state [--room ROOM]",
            "Show a workspace's trust.v1 state: advice only, next to what this runtime itself decides.",
            """
            Options:
              --room ROOM   room id or alias; may be left out when exactly one workspace is joined

            ADVISED is what the room says (and WRITTEN BY who said it); LOCAL is this runtime's own verdict on
            the key (trusted, revoked or none), which is the one that counts: local trust always wins. To act
            on advice, compare the fingerprint and run 'mx-agent trust approve'.
            """, NONE, new String[] {"--room"});

    static final List<CommandSpec> SPECS = List.of(LIST, FINGERPRINT, APPROVE, REVOKE, PUBLISH, STATE);

    private TrustCommands() {}

    static int run(Invocation inv) throws CliException {
        CommandArgs.operands(inv, 0, 0, "");
        switch (inv.line.command().name()) {
            case "list":
                return list(inv);
            case "fingerprint":
                return fingerprint(inv);
            case "approve":
                return approve(inv);
            case "revoke":
                return revoke(inv);
            case "publish":
                return publish(inv);
            case "state":
                return state(inv);
            default:
                throw new IllegalStateException("no handler for " + inv.line.command().path());
        }
    }

    static int list(Invocation inv) throws CliException {
        Map<String, Object> result = WorkspaceCommands.call(inv, "trust.list", new LinkedHashMap<>());
        if (inv.json()) {
            inv.printJson(result);
        } else {
            inv.out.print(renderList(result));
        }
        return ExitCodes.OK;
    }

    static int fingerprint(Invocation inv) throws CliException {
        Map<String, Object> own = WorkspaceCommands.call(inv, "trust.fingerprint", new LinkedHashMap<>());
        if (inv.json()) {
            inv.printJson(own);
        } else {
            StringBuilder text = new StringBuilder();
            WorkspaceCommands.field(text, "key id", Json.string(own, "key_id"));
            WorkspaceCommands.field(text, "fingerprint", Json.string(own, "fingerprint"));
            inv.out.print(text);
        }
        return ExitCodes.OK;
    }

    static int approve(Invocation inv) throws CliException {
        Map<String, Object> params = new LinkedHashMap<>();
        String agentId = CommandArgs.required(inv, "--agent", "AGENT_ID");
        if (!agentId.startsWith("agt_")) {
            throw CommandArgs.usage(inv, "--agent takes an agent id (agt_...), got '" + agentId + "'");
        }
        params.put("agent_id", agentId);
        params.put("key_id", keyId(inv));
        Map<String, Object> entry = WorkspaceCommands.call(inv, "trust.approve", params);
        if (inv.json()) {
            inv.printJson(entry);
        } else {
            inv.out.println("trusted " + Json.string(entry, "key_id") + " of " + Json.string(entry, "agent_id")
                    + " (fingerprint " + Json.string(entry, "fingerprint") + ", local record)");
        }
        return ExitCodes.OK;
    }

    static int revoke(Invocation inv) throws CliException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("key_id", keyId(inv));
        Map<String, Object> result = WorkspaceCommands.call(inv, "trust.revoke", params);
        if (inv.json()) {
            inv.printJson(result);
        } else {
            int count = WorkspaceCommands.list(result, "revoked").size();
            inv.out.println("revoked " + Json.string(result, "key_id") + " (" + count
                    + (count == 1 ? " entry)" : " entries)"));
        }
        return ExitCodes.OK;
    }

    /** The human form of {@code trust.list}. */
    static String renderList(Map<String, Object> result) {
        TextTable table = new TextTable("KEY ID", "AGENT", "STATUS", "SOURCE", "TRUSTED BY", "SINCE");
        for (Object item : WorkspaceCommands.list(result, "entries")) {
            Map<String, Object> entry = Json.object(item);
            String room = Json.string(entry, "room");
            String status = Json.string(entry, "status");
            if (entry.get("revoked_at") instanceof Number) {
                status += " " + Ages.seconds(entry.get("revoked_at"));
            }
            table.row(Json.string(entry, "key_id"), Json.string(entry, "agent_id"), status,
                    room == null ? "local" : "room " + room, Json.string(entry, "trusted_by"),
                    Ages.seconds(entry.get("created_at")));
        }
        return table.isEmpty() ? "no trusted keys: every remote request is rejected as untrusted_key\n"
                : table.render();
    }

    static int publish(Invocation inv) throws CliException {
        Map<String, Object> params = new LinkedHashMap<>();
        WorkspaceCommands.putIfPresent(params, "room", CommandArgs.optionalRoom(inv));
        Map<String, Object> result = WorkspaceCommands.call(inv, "trust.publish", params);
        if (inv.json()) {
            inv.printJson(result);
            return ExitCodes.OK;
        }
        List<Object> published = WorkspaceCommands.list(result, "published");
        StringBuilder text = new StringBuilder("published " + published.size() + " trust.v1 "
                + (published.size() == 1 ? "entry" : "entries") + " in " + Json.string(result, "room_id")
                + " (advisory)\n");
        for (Object item : published) {
            Map<String, Object> entry = Json.object(item);
            text.append("  ").append(Json.string(entry, "key_id")).append("  ").append(Json.string(entry, "agent_id"))
                    .append("  ").append(Json.string(entry, "status")).append('\n');
        }
        inv.out.print(text);
        return ExitCodes.OK;
    }

    static int state(Invocation inv) throws CliException {
        Map<String, Object> params = new LinkedHashMap<>();
        WorkspaceCommands.putIfPresent(params, "room", CommandArgs.optionalRoom(inv));
        Map<String, Object> result = WorkspaceCommands.call(inv, "trust.state", params);
        if (inv.json()) {
            inv.printJson(result);
        } else {
            inv.out.print(renderState(result));
        }
        return ExitCodes.OK;
    }

    /** The table of {@code trust state}, headed by what it is: advice. */
    static String renderState(Map<String, Object> result) {
        StringBuilder text = new StringBuilder("ADVISORY trust.v1 state of ").append(Json.string(result, "room_id"))
                .append(": informational only; this runtime accepts a key only through its own trust records "
                        + "(LOCAL), which always win.\n\n");
        TextTable table = new TextTable("KEY ID", "AGENT", "ADVISED", "WRITTEN BY", "SINCE", "LOCAL");
        for (Object item : WorkspaceCommands.list(result, "entries")) {
            Map<String, Object> entry = Json.object(item);
            table.row(Json.string(entry, "key_id"), Json.string(entry, "agent_id"), Json.string(entry, "status"),
                    Json.string(entry, "sender"), Ages.seconds(entry.get("created_at")), Json.string(entry, "local"));
        }
        text.append(table.isEmpty() ? "no trust.v1 state in this room\n" : table.render());
        for (Object item : WorkspaceCommands.list(result, "refused")) {
            Map<String, Object> refused = Json.object(item);
            text.append("unreadable trust.v1 ").append(Json.string(refused, "state_key")).append(" from ")
                    .append(Json.string(refused, "sender")).append(": ").append(Json.string(refused, "reason"))
                    .append('\n');
        }
        return text.toString();
    }

    private static String keyId(Invocation inv) throws UsageException {
        String keyId = CommandArgs.required(inv, "--key", "KEY_ID");
        if (!keyId.startsWith(KEY_ID_PREFIX)) {
            throw CommandArgs.usage(inv, "--key takes a signing key id (" + KEY_ID_PREFIX + "...), got '" + keyId
                    + "'" + (keyId.startsWith("SHA256:") ? "; that is a fingerprint: the key id is "
                            + KEY_ID_PREFIX + keyId.substring("SHA256:".length()) : ""));
        }
        return keyId;
    }
}
