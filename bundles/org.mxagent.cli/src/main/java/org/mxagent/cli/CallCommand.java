package org.mxagent.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mxagent.ipc.wire.JsonException;
import org.mxagent.ipc.wire.JsonReader;
import org.mxagent.ipc.wire.JsonWriter;

/** {@code mx-agent call}: one named tool call; prints the result JSON, exits with the daemon's exit code. */
final class CallCommand {
    private CallCommand() {}

    static int run(Invocation inv) throws CliException {
        if (!inv.line.positionals().isEmpty() || !inv.line.afterDoubleDash().isEmpty()) {
            throw new UsageException("call takes no operands; arguments go in --arg K=V or --input-json F", "call");
        }
        String tool = inv.line.value("--tool");
        if (tool == null || tool.isBlank()) {
            throw new UsageException("call needs --tool NAME[@VERSION]", "call");
        }
        String room = inv.line.value("--room");
        String agent = inv.line.value("--agent");
        if ((room == null) != (agent == null)) {
            throw new UsageException("a remote call needs both --room and --agent (neither: a tool of this runtime)",
                    "call");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tool", tool);
        params.put("args", args(inv));
        if (room != null) {
            params.put("room", room);
            params.put("agent", agent);
        }
        if (inv.line.value("--as") != null) {
            params.put("as", inv.line.value("--as"));
        }
        if (inv.line.value("--timeout") != null) {
            params.put("timeout_ms", Durations.millis(inv.line.value("--timeout"), "--timeout", "call"));
        }
        Map<String, Object> result;
        try (IpcClient client = inv.connect()) {
            result = Json.object(client.call("call", params));
            while (Boolean.FALSE.equals(result.get("done"))) {
                Map<String, Object> attach = new LinkedHashMap<>();
                attach.put("invocation_id", Json.string(result, "invocation_id"));
                attach.put("cursor", Json.number(result, "cursor", 0));
                result = Json.object(client.call("invocation.attach", attach));
            }
        }
        int exit = (int) Json.number(result, "exit_code", ExitCodes.FAILURE);
        if (inv.json()) {
            inv.printJson(result);
        } else if (Json.flag(result, "ok")) {
            inv.out.println(JsonWriter.write(result.get("result")));
        } else {
            String code = Json.string(result, "error_code");
            inv.err.println("mx-agent: call failed" + (code == null ? "" : " (" + code + ")") + ": "
                    + Json.string(result, "error"));
        }
        return exit;
    }

    /** {@code --input-json F} (a JSON object; '-' is stdin), else the {@code --arg} pairs. */
    static Map<String, Object> args(Invocation inv) throws CliException {
        String file = inv.line.value("--input-json");
        if (file != null) {
            if (!inv.line.values("--arg").isEmpty()) {
                throw new UsageException("give arguments with --arg or --input-json, not both", "call");
            }
            String text;
            try {
                text = file.equals("-") ? new String(inv.in.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILURE, "cannot read " + file + ": " + e.getMessage(), e);
            }
            Object parsed;
            try {
                parsed = JsonReader.parse(text);
            } catch (JsonException e) {
                throw new UsageException(file + " is not JSON: " + e.getMessage(), "call");
            }
            if (!Json.isObject(parsed)) {
                throw new UsageException(file + " must hold one JSON object", "call");
            }
            return Json.object(parsed);
        }
        Map<String, Object> args = new LinkedHashMap<>();
        for (String pair : inv.line.values("--arg")) {
            int typed = pair.indexOf(":=");
            int equals = pair.indexOf('=');
            if (typed > 0 && typed < equals) {
                try {
                    args.put(pair.substring(0, typed), JsonReader.parse(pair.substring(typed + 2)));
                } catch (JsonException e) {
                    throw new UsageException("--arg " + pair + ": the value after := is not JSON: " + e.getMessage(),
                            "call");
                }
            } else if (equals > 0) {
                args.put(pair.substring(0, equals), pair.substring(equals + 1));
            } else {
                throw new UsageException("--arg takes KEY=VALUE or KEY:=JSON, not '" + pair + "'", "call");
            }
        }
        return args;
    }
}
