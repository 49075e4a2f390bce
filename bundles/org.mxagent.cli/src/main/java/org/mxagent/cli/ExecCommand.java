package org.mxagent.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mx-agent exec}: starts the exec in the daemon ({@code exec.start}), prints its output as it streams,
 * continues with {@code invocation.attach} while the run outlasts one call, and exits with the run's exit code
 * as the daemon computed it (specs/exec.md).
 */
final class ExecCommand {
    private ExecCommand() {}

    static int run(Invocation inv) throws CliException {
        Map<String, Object> params = params(inv);
        boolean pty = inv.line.has("--pty");
        boolean forwardStdin = StdinPolicy.forward(pty, inv.line.has("--no-stdin"));
        params.put("stdin", forwardStdin);
        boolean raw = pty && !inv.json() && inv.terminal.isInteractive();
        if (raw) {
            int[] size = RawTerminal.size();
            if (size != null) {
                params.put("rows", size[0]);
                params.put("cols", size[1]);
            }
        }
        RawTerminal terminal = raw ? RawTerminal.enter() : null;
        ExecControls[] controls = new ExecControls[1];
        ExecOutput output = new ExecOutput(inv, inv.json(), raw, id -> controls[0].started(id));
        controls[0] = new ExecControls(inv, output, forwardStdin, pty, raw);
        try (IpcClient client = inv.connect(); ExecControls live = controls[0]) {
            live.installInterrupt();
            Map<String, Object> result = Json.object(client.call("exec.start", params, output));
            while (Boolean.FALSE.equals(result.get("done"))) {
                Map<String, Object> attach = new LinkedHashMap<>();
                attach.put("invocation_id", Json.string(result, "invocation_id"));
                attach.put("cursor", Json.number(result, "cursor", 0));
                result = Json.object(client.call("invocation.attach", attach, output));
            }
            return finish(inv, output, result);
        } finally {
            if (terminal != null) {
                terminal.close();
            }
        }
    }

    private static Map<String, Object> params(Invocation inv) throws UsageException {
        List<String> argv = new ArrayList<>(inv.line.positionals());
        argv.addAll(inv.line.afterDoubleDash());
        if (argv.isEmpty()) {
            throw new UsageException("exec needs a command: mx-agent exec [OPTIONS] -- COMMAND [ARGS…]", "exec");
        }
        String room = inv.line.value("--room");
        String agent = inv.line.value("--agent");
        if ((room == null) != (agent == null)) {
            throw new UsageException("a remote exec needs both --room and --agent (neither: run it here)", "exec");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        if (room != null) {
            params.put("room", room);
            params.put("agent", agent);
        }
        if (inv.line.value("--as") != null) {
            params.put("as", inv.line.value("--as"));
        }
        params.put("argv", argv);
        String cwd = inv.line.value("--cwd");
        if (cwd != null) {
            params.put("cwd", Path.of(cwd).isAbsolute() || room != null ? cwd
                    : Path.of(System.getProperty("user.dir")).resolve(cwd).normalize().toString());
        } else if (room == null) {
            params.put("cwd", System.getProperty("user.dir"));
        }
        params.put("env", env(inv.line.values("--env")));
        if (inv.line.value("--timeout") != null) {
            params.put("timeout_ms", Durations.millis(inv.line.value("--timeout"), "--timeout", "exec"));
        }
        params.put("pty", inv.line.has("--pty"));
        params.put("strict", inv.line.has("--strict-stream"));
        return params;
    }

    static Map<String, Object> env(List<String> pairs) throws UsageException {
        Map<String, Object> env = new LinkedHashMap<>();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--env takes NAME=VALUE, not '" + pair + "'", "exec");
            }
            env.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return env;
    }

    private static int finish(Invocation inv, ExecOutput output, Map<String, Object> result) {
        int exit = (int) Json.number(result, "exit_code", ExitCodes.FAILURE);
        String outcome = Json.string(result, "outcome");
        String message = Json.string(result, "message");
        if (inv.json()) {
            Map<String, Object> printed = new LinkedHashMap<>(result);
            output.addCaptured(printed);
            inv.printJson(printed);
            return exit;
        }
        if (message != null && !"exited".equals(outcome) && !"signalled".equals(outcome)) {
            output.notice(message);
        }
        Map<String, Object> integrity = Json.object(result, "integrity");
        if (Json.flag(integrity, "degraded") && !"integrity".equals(outcome)) {
            output.notice("warning: the output may be incomplete (" + Json.number(integrity, "lost_chunks", 0)
                    + " chunk(s) lost, " + Json.number(integrity, "integrity_failures", 0) + " refused, "
                    + Json.number(integrity, "missing_streams", 0) + " stream(s) missing"
                    + (Json.flag(integrity, "artifact_problem") ? ", an artifact did not verify" : "")
                    + "); use --strict-stream to fail on this");
        }
        if (Json.flag(result, "truncated")) {
            output.notice("warning: the target truncated the output (its max_output_bytes)");
        }
        inv.verbose.log(1, "exit " + exit + " (" + outcome + ")");
        return exit;
    }
}
