package org.mxagent.cli;

import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mxagent.ipc.wire.JsonWriter;

/** {@code mx-agent invocation list | show | cancel | artifact}. */
final class InvocationCommands {
    private InvocationCommands() {}

    static int run(Invocation inv) throws CliException {
        String name = inv.line.command().name();
        if (!inv.line.afterDoubleDash().isEmpty()) {
            throw new UsageException("invocation " + name + " takes nothing after --", inv.line.command().path());
        }
        switch (name) {
            case "list":
                return list(inv);
            case "show":
                return show(inv);
            case "cancel":
                return cancel(inv);
            case "artifact":
                return artifact(inv);
            default:
                throw new IllegalStateException("no handler for invocation " + name);
        }
    }

    private static int list(Invocation inv) throws CliException {
        operand(inv, 0);
        Map<String, Object> params = roomParam(inv);
        Map<String, Object> result;
        try (IpcClient client = inv.connect()) {
            result = Json.object(client.call("invocation.list", params));
        }
        if (inv.json()) {
            inv.printJson(result);
            return ExitCodes.OK;
        }
        List<?> invocations = (List<?>) result.getOrDefault("invocations", List.of());
        inv.out.println(String.format("%-30s %-10s %-5s %-5s %-20s %s", "INVOCATION", "STATE", "EXIT", "LIVE",
                "UPDATED", "REQUESTER -> TARGET"));
        for (Object item : invocations) {
            Map<String, Object> row = Json.object(item);
            Object exit = row.get("exit_code");
            inv.out.println(String.format("%-30s %-10s %-5s %-5s %-20s %s -> %s", Json.string(row, "invocation_id"),
                    Json.string(row, "state"), exit == null ? "-" : exit.toString(),
                    Json.flag(row, "live") ? "yes" : "", Json.string(row, "updated_at"),
                    Json.string(row, "requester"), Json.string(row, "target")));
        }
        List<?> live = (List<?>) result.getOrDefault("live", List.of());
        if (!live.isEmpty()) {
            inv.out.println();
            inv.out.println("live here:");
            for (Object item : live) {
                Map<String, Object> row = Json.object(item);
                inv.out.println("  " + Json.string(row, "invocation_id") + "  " + Json.string(row, "role") + "  "
                        + Json.string(row, "phase"));
            }
        }
        return ExitCodes.OK;
    }

    private static int show(Invocation inv) throws CliException {
        Map<String, Object> params = roomParam(inv);
        params.put("invocation_id", operand(inv, 1));
        Map<String, Object> result;
        try (IpcClient client = inv.connect()) {
            result = Json.object(client.call("invocation.show", params));
        }
        if (inv.json()) {
            inv.printJson(result);
        } else {
            for (Map.Entry<String, Object> field : result.entrySet()) {
                Object value = field.getValue();
                inv.out.println(field.getKey() + ": " + (value instanceof String text ? text : JsonWriter.write(value)));
            }
        }
        return ExitCodes.OK;
    }

    private static int cancel(Invocation inv) throws CliException {
        Map<String, Object> params = roomParam(inv);
        params.put("invocation_id", operand(inv, 1));
        Map<String, Object> result;
        try (IpcClient client = inv.connect()) {
            result = Json.object(client.call("invocation.cancel", params));
        }
        if (inv.json()) {
            inv.printJson(result);
        } else {
            inv.out.println((Json.flag(result, "cancelled") ? "cancel sent for " : "already stopping or finished: ")
                    + Json.string(result, "invocation_id") + " (" + Json.string(result, "via") + ")");
        }
        return ExitCodes.OK;
    }

    private static int artifact(Invocation inv) throws CliException {
        Map<String, Object> params = roomParam(inv);
        params.put("invocation_id", operand(inv, 1));
        String stream = inv.line.value("--stream");
        if (stream == null) {
            throw new UsageException("invocation artifact needs --stream stdout|stderr|pty", "invocation artifact");
        }
        params.put("stream", stream);
        String output = inv.line.value("--output");
        if (output == null && inv.json()) {
            throw new UsageException("--json prints the result object on stdout: give the log a file with --output",
                    "invocation artifact");
        }
        if (output != null) {
            params.put("output", Path.of(System.getProperty("user.dir")).resolve(output).toAbsolutePath()
                    .normalize().toString());
        }
        Map<String, Object> result;
        try (IpcClient client = inv.connect()) {
            result = Json.object(client.call("invocation.artifact", params, frame -> {
                String data = Json.string(frame, "data_base64");
                if (data != null) {
                    byte[] bytes = Base64.getDecoder().decode(data);
                    inv.out.write(bytes, 0, bytes.length);
                }
            }));
        }
        inv.out.flush();
        if (inv.json()) {
            inv.printJson(result);
        } else {
            inv.err.println("mx-agent: " + Json.string(result, "name") + ": " + Json.number(result, "raw_bytes", 0)
                    + " bytes, sha256 of the upload verified, raw sha256 " + Json.string(result, "raw_sha256_hex")
                    + (output != null ? ", written to " + Json.string(result, "written_to") : ""));
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> roomParam(Invocation inv) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (inv.line.value("--room") != null) {
            params.put("room", inv.line.value("--room"));
        }
        return params;
    }

    /** The invocation id operand (when {@code count} is 1), checking there is exactly that many. */
    private static String operand(Invocation inv, int count) throws UsageException {
        List<String> operands = inv.line.positionals();
        String path = inv.line.command().path();
        if (operands.size() != count) {
            throw new UsageException(count == 0 ? path + " takes no operands"
                    : path + " needs exactly one invocation id (inv_…)", path);
        }
        return count == 0 ? null : operands.get(0);
    }
}
