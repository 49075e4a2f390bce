package org.mxagent.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code mx-agent device list | show | verify}: the Matrix devices this runtime's crypto knows, and interactive
 * SAS verification (emoji or decimals), over the daemon's {@code device.*} methods (docs/e2ee.md).
 */
final class DeviceCommands {
    private static final String[] NONE = {};

    static final CommandSpec LIST = new CommandSpec("device list", "device list [USER_ID]",
            "List the Matrix devices this runtime's crypto knows (of USER_ID, else of every tracked user).",
            """
            Columns: user, device, Ed25519 fingerprint, verified or not ("this device" marks our own).
            A device is known once we share an encrypted room with its user and fetched their keys.
            """, NONE, NONE);

    static final CommandSpec SHOW = new CommandSpec("device show", "device show USER_ID DEVICE_ID",
            "Show one device: its keys, its fingerprint to compare, whether and since when it is verified.",
            """
            The fingerprint is the device's Ed25519 key in groups of four, as Element shows a session key.
            Exit 3 when the device is not known.
            """, NONE, NONE);

    static final CommandSpec VERIFY = new CommandSpec("device verify",
            "device verify USER_ID DEVICE_ID [--direct] | --accept TXN | --confirm TXN | --mismatch TXN | --cancel TXN",
            "Verify a device by comparing emoji or decimals (SAS); without arguments list verifications.",
            """
            Forms:
              device verify USER_ID DEVICE_ID    start: sends a request, waits (up to 50 s) for the other side
                                                 to accept, then shows the emoji and decimals
              device verify --accept TXN         accept a verification the other side started, show the SAS
              device verify --confirm TXN        the emoji/decimals match: send our MAC, wait until done
              device verify --mismatch TXN       they do not match: cancel with m.mismatched_sas
              device verify --cancel TXN         cancel (m.user)
              device verify                      verifications in progress and recently ended

            Options:
              --direct   send m.key.verification.start at once instead of a request (matrix-nio)

            Starting or accepting asks "Do they match? [y/N]" on standard input once the SAS is shown and then
            confirms (y) or cancels with m.mismatched_sas (anything else). When input ends without an answer,
            or with --json, it leaves the verification open: answer later with --confirm or --mismatch.
            Exit codes: 0 verified, or shown and left open · 1 cancelled, mismatched or no SAS in time ·
            3 unknown device or transaction · 64 usage.
            """, new String[] {"--direct"}, new String[] {"--accept", "--confirm", "--mismatch", "--cancel"});

    static final List<CommandSpec> SPECS = List.of(LIST, SHOW, VERIFY);

    private DeviceCommands() {}

    static boolean handles(CommandSpec command) {
        return SPECS.contains(command);
    }

    static int run(Invocation inv) throws CliException {
        switch (inv.line.command().name()) {
            case "list":
                return list(inv);
            case "show":
                return show(inv);
            case "verify":
                return verify(inv);
            default:
                throw new IllegalStateException("no handler for " + inv.line.command().path());
        }
    }

    private static int list(Invocation inv) throws CliException {
        List<String> operands = CommandArgs.operands(inv, 0, 1, "at most a USER_ID");
        Map<String, Object> params = new LinkedHashMap<>();
        if (!operands.isEmpty()) {
            params.put("user_id", userId(inv, operands.get(0)));
        }
        Map<String, Object> result = WorkspaceCommands.call(inv, "device.list", params);
        if (inv.json()) {
            inv.printJson(result);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("USER", "DEVICE", "FINGERPRINT", "VERIFIED");
        for (Object item : WorkspaceCommands.list(result, "devices")) {
            Map<String, Object> device = Json.object(item);
            table.row(Json.string(device, "user_id"), Json.string(device, "device_id")
                    + (Json.flag(device, "own") ? " (this device)" : ""), fingerprint(Json.string(device, "ed25519")),
                    Json.flag(device, "verified") ? "verified" : "NOT verified");
        }
        inv.out.print(table.isEmpty() ? "no known devices" + (operands.isEmpty() ? "" : " of " + operands.get(0))
                + " (devices are known once we share an encrypted room with their user)\n" : table.render());
        return ExitCodes.OK;
    }

    private static int show(Invocation inv) throws CliException {
        List<String> operands = CommandArgs.operands(inv, 2, 2, "USER_ID DEVICE_ID");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("user_id", userId(inv, operands.get(0)));
        params.put("device_id", operands.get(1));
        Map<String, Object> device = call(inv, "device.show", params);
        if (inv.json()) {
            inv.printJson(device);
            return ExitCodes.OK;
        }
        StringBuilder text = new StringBuilder();
        WorkspaceCommands.field(text, "user", Json.string(device, "user_id"));
        WorkspaceCommands.field(text, "device", Json.string(device, "device_id")
                + (Json.flag(device, "own") ? " (this device)" : ""));
        WorkspaceCommands.field(text, "fingerprint", fingerprint(Json.string(device, "ed25519")));
        WorkspaceCommands.field(text, "ed25519", Json.string(device, "ed25519"));
        WorkspaceCommands.field(text, "curve25519", Json.string(device, "curve25519"));
        WorkspaceCommands.field(text, "verified", Json.flag(device, "verified")
                ? "yes" + (device.get("verified_at_ms") instanceof Number at
                        ? " (" + Ages.millis(at) + ")" : "")
                : "NO");
        inv.out.print(text);
        for (Object item : WorkspaceCommands.list(device, "verifications")) {
            inv.out.println(verificationText(Json.object(item)));
        }
        return ExitCodes.OK;
    }

    private static int verify(Invocation inv) throws CliException {
        String[] actions = {"--accept", "--confirm", "--mismatch", "--cancel"};
        String action = null;
        String txn = null;
        for (String option : actions) {
            String value = CommandArgs.optional(inv, option);
            if (value != null) {
                if (action != null) {
                    throw CommandArgs.usage(inv, action + " and " + option + " exclude each other");
                }
                action = option;
                txn = value;
            }
        }
        if (action != null) {
            CommandArgs.operands(inv, 0, 0, "");
            if (inv.line.has("--direct")) {
                throw CommandArgs.usage(inv, "--direct only applies when starting: device verify USER_ID DEVICE_ID");
            }
            return act(inv, action, txn);
        }
        List<String> operands = CommandArgs.operands(inv, 0, 2, "USER_ID DEVICE_ID");
        if (operands.isEmpty()) {
            if (inv.line.has("--direct")) {
                throw CommandArgs.usage(inv, "--direct needs USER_ID DEVICE_ID");
            }
            return listVerifications(inv);
        }
        if (operands.size() == 1) {
            throw CommandArgs.usage(inv, "mx-agent device verify needs USER_ID DEVICE_ID (see 'mx-agent device list "
                    + operands.get(0) + "')");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("user_id", userId(inv, operands.get(0)));
        params.put("device_id", operands.get(1));
        params.put("request", !inv.line.has("--direct"));
        return showSasAndAnswer(inv, params);
    }

    private static int act(Invocation inv, String action, String txn) throws CliException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("transaction_id", txn);
        switch (action) {
            case "--accept":
                return showSasAndAnswer(inv, params);
            case "--confirm":
                return finish(inv, call(inv, "device.verify.confirm", params));
            default:
                params.put("mismatch", action.equals("--mismatch"));
                Map<String, Object> cancelled = call(inv, "device.verify.cancel", params);
                if (inv.json()) {
                    inv.printJson(cancelled);
                } else {
                    inv.out.println(verificationText(cancelled));
                }
                return ExitCodes.OK;
        }
    }

    /** Starts or accepts, prints the verification as it goes, then asks whether the SAS matches. */
    private static int showSasAndAnswer(Invocation inv, Map<String, Object> params) throws CliException {
        List<String> shown = new ArrayList<>();
        Map<String, Object> info;
        try (IpcClient client = inv.connect()) {
            info = Json.object(client.call("device.verify.start", params, frame -> {
                if (!inv.json()) {
                    String text = verificationText(frame);
                    if (!shown.contains(text)) {
                        shown.add(text);
                        inv.out.println(text);
                        inv.out.flush();
                    }
                }
            }));
        }
        String txn = Json.string(info, "transaction_id");
        if (inv.json()) {
            inv.printJson(info);
            return info.containsKey("decimals") ? ExitCodes.OK : ExitCodes.FAILURE;
        }
        if (!info.containsKey("decimals")) {
            inv.err.println("mx-agent: no short authentication string in time (state " + Json.string(info, "state")
                    + "); the other device must accept: mx-agent device verify --accept " + txn);
            return ExitCodes.FAILURE;
        }
        inv.out.print("Do they match what the other device shows? [y/N] ");
        inv.out.flush();
        String answer = readAnswer(inv);
        if (answer == null) {
            inv.out.println();
            inv.out.println("left open: mx-agent device verify --confirm " + txn + "  (or --mismatch " + txn + ")");
            return ExitCodes.OK;
        }
        Map<String, Object> txnParams = new LinkedHashMap<>();
        txnParams.put("transaction_id", txn);
        if (answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
            return finish(inv, call(inv, "device.verify.confirm", txnParams));
        }
        txnParams.put("mismatch", true);
        inv.out.println(verificationText(call(inv, "device.verify.cancel", txnParams)));
        return ExitCodes.FAILURE;
    }

    private static int finish(Invocation inv, Map<String, Object> info) {
        boolean done = "DONE".equals(Json.string(info, "state"));
        if (inv.json()) {
            inv.printJson(info);
        } else if (done) {
            inv.out.println("verified " + Json.string(info, "user_id") + " " + Json.string(info, "device_id"));
        } else {
            inv.out.println(verificationText(info));
        }
        return done ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static int listVerifications(Invocation inv) throws CliException {
        Map<String, Object> result = WorkspaceCommands.call(inv, "device.verify.list", new LinkedHashMap<>());
        if (inv.json()) {
            inv.printJson(result);
            return ExitCodes.OK;
        }
        List<Object> all = WorkspaceCommands.list(result, "verifications");
        if (all.isEmpty()) {
            inv.out.println("no verifications");
        }
        for (Object item : all) {
            inv.out.println(verificationText(Json.object(item)));
        }
        return ExitCodes.OK;
    }

    /** One line of stdin, or null when input ended (or stdin is not readable). */
    private static String readAnswer(Invocation inv) {
        try {
            return new BufferedReader(new InputStreamReader(inv.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            inv.err.println("mx-agent: cannot read the answer: " + e.getMessage());
            return null;
        }
    }

    /** A call whose "unknown device/transaction" failure exits 3 rather than 1. */
    private static Map<String, Object> call(Invocation inv, String method, Map<String, Object> params)
            throws CliException {
        try {
            return WorkspaceCommands.call(inv, method, params);
        } catch (RemoteError e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("unknown device") || message.contains("no verification with transaction id")) {
                throw new CliException(ExitCodes.NOT_FOUND, message);
            }
            throw e;
        }
    }

    /** "verification TXN with USER DEVICE: STATE", then the emoji, the decimals, a cancel reason. */
    static String verificationText(Map<String, Object> v) {
        StringBuilder out = new StringBuilder("verification ").append(Json.string(v, "transaction_id"))
                .append(" with ").append(Json.string(v, "user_id")).append(' ').append(Json.string(v, "device_id"))
                .append(": ").append(Json.string(v, "state"));
        List<Object> emoji = WorkspaceCommands.list(v, "emoji");
        if (!emoji.isEmpty()) {
            List<String> words = new ArrayList<>();
            for (Object item : emoji) {
                Map<String, Object> e = Json.object(item);
                words.add(Json.string(e, "emoji") + " " + Json.string(e, "description"));
            }
            out.append("\n  emoji:    ").append(String.join(" | ", words));
        }
        List<Object> decimals = WorkspaceCommands.list(v, "decimals");
        if (!decimals.isEmpty()) {
            out.append("\n  decimals: ").append(String.join(" ", decimals.stream().map(String::valueOf).toList()));
        }
        if (v.get("cancel_code") != null) {
            out.append("\n  cancelled ").append(Json.flag(v, "cancelled_by_us") ? "by us" : "by them").append(": ")
                    .append(Json.string(v, "cancel_code")).append(' ').append(Json.string(v, "cancel_reason"));
        }
        return out.toString();
    }

    /** An Ed25519 key in groups of four characters, as Element shows a session key. */
    static String fingerprint(String key) {
        if (key == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length(); i += 4) {
            out.append(i == 0 ? "" : " ").append(key, i, Math.min(key.length(), i + 4));
        }
        return out.toString();
    }

    private static String userId(Invocation inv, String value) throws UsageException {
        if (!value.startsWith("@") || value.indexOf(':') < 2) {
            throw CommandArgs.usage(inv, "not a Matrix user id (@name:server): '" + value + "'");
        }
        return value;
    }
}
