package org.mxagent.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code shell -c CMD} (one Gogo command) and {@code shell} (a line console over one connection). */
final class ShellCommand {
    static final String PROMPT = "mx-agent> ";

    private ShellCommand() {}

    static int run(Invocation inv) throws CliException {
        String command = inv.line.value("-c");
        if (command != null) {
            return runOne(inv, command);
        }
        if (inv.json()) {
            throw new UsageException("--json needs shell -c COMMAND (the console prints text)", "shell");
        }
        return console(inv);
    }

    private static int runOne(Invocation inv, String command) throws CliException {
        try (IpcClient client = inv.connect()) {
            Map<String, Object> result = exec(client, null, command);
            if (inv.json()) {
                inv.printJson(result);
            } else {
                printResult(inv, result);
            }
            return reportedError(result) ? ExitCodes.FAILURE : ExitCodes.OK;
        } catch (RemoteError failed) {
            if (!inv.json()) {
                printResult(inv, failed.data());
            }
            throw failed;
        }
    }

    /**
     * Reads commands until end of input or "exit", all in one Gogo session so variables persist. A failed
     * command is reported and the console goes on; when input is not a terminal (a script), any failure makes
     * the exit status 1.
     */
    private static int console(Invocation inv) throws CliException {
        boolean prompt = inv.terminal.isInteractive();
        boolean anyFailed = false;
        BufferedReader input = new BufferedReader(new InputStreamReader(inv.in, StandardCharsets.UTF_8));
        try (IpcClient client = inv.connect()) {
            String session = Json.string(Json.object(client.call("shell.open", null)), "session");
            while (true) {
                if (prompt) {
                    inv.out.print(PROMPT);
                    inv.out.flush();
                }
                String line = readLine(input);
                if (line == null || line.strip().equals("exit")) {
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Map<String, Object> result = exec(client, session, line);
                    printResult(inv, result);
                    anyFailed |= reportedError(result);
                } catch (RemoteError failed) {
                    anyFailed = true;
                    printResult(inv, failed.data());
                    inv.err.println("mx-agent: " + failed.getMessage());
                    inv.err.flush();
                }
            }
            if (prompt) {
                inv.out.println();
            }
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("session", session);
            client.call("shell.close", params);
        }
        return anyFailed && !prompt ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static Map<String, Object> exec(IpcClient client, String session, String command) throws CliException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("command", command);
        if (session != null) {
            params.put("session", session);
        }
        return Json.object(client.call("shell.exec", params));
    }

    /**
     * Some Gogo commands (Felix's bundle commands: install, update, start, …) catch their own failures and
     * print them on the error stream instead of throwing; what a command writes there therefore counts as
     * failure, so scripts see a non-zero exit.
     */
    static boolean reportedError(Map<String, Object> result) {
        String error = Json.string(result, "error");
        return error != null && !error.isBlank();
    }

    private static void printResult(Invocation inv, Map<String, Object> result) {
        Invocation.printBlock(inv.out, Json.string(result, "output"));
        Invocation.printBlock(inv.err, Json.string(result, "error"));
    }

    private static String readLine(BufferedReader input) throws CliException {
        try {
            return input.readLine();
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot read standard input: " + e.getMessage(), e);
        }
    }
}
