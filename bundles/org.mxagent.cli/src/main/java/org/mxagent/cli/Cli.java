package org.mxagent.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mxagent.ipc.wire.JsonWriter;

/** Parses the command line, runs the command, and turns every failure into a message and an exit code. */
final class Cli {
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Map<String, String> env;
    private final Terminal terminal;
    private final String runtimeJar;
    private final String userName;

    Cli(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Terminal terminal,
            String runtimeJar, String userName) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.terminal = terminal;
        this.runtimeJar = runtimeJar;
        this.userName = userName;
    }

    int run(String[] args) {
        try {
            CommandLine line;
            try {
                line = ArgumentParser.parse(args);
            } catch (UsageException e) {
                return report(e, requestsJson(args));
            }
            try {
                return execute(line, args.length);
            } catch (CliException e) {
                return report(e, line.json());
            }
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int execute(CommandLine line, int argCount) throws CliException {
        if (line.version()) {
            out.println("mx-agent " + version());
            return ExitCodes.OK;
        }
        if (line.group() == null) {
            if (argCount > 0 && !line.help()) {
                throw new UsageException("missing command", "");
            }
            out.print(Commands.mainHelp());
            return ExitCodes.OK;
        }
        if (line.command() == null) {
            if (line.help()) {
                out.print(Commands.groupHelp(line.group()));
                return ExitCodes.OK;
            }
            throw new UsageException("missing command after 'mx-agent " + line.group() + "'", line.group());
        }
        CommandSpec command = line.command();
        if (line.help()) {
            out.print(command.help());
            return ExitCodes.OK;
        }
        if (CollaborationCommands.handles(command)) {
            // workspace, agent, share, trust: each checks its own operands.
            return CollaborationCommands.run(new Invocation(line, out, err, in, env, terminal, runtimeJar, userName));
        }
        if (RemoteCommands.handles(command)) {
            // exec, call, invocation: each checks its own operands (exec: the command after --).
            return RemoteCommands.run(new Invocation(line, out, err, in, env, terminal, runtimeJar, userName));
        }
        if (!line.positionals().isEmpty()) {
            throw new UsageException("unexpected argument '" + line.positionals().get(0) + "'"
                    + (command == Commands.SHELL ? "; to run one command use: mx-agent shell -c 'COMMAND'" : ""),
                    command.path());
        }
        if (!line.afterDoubleDash().isEmpty()) {
            throw new UsageException("mx-agent " + command.path() + " takes no arguments after --", command.path());
        }
        Invocation inv = new Invocation(line, out, err, in, env, terminal, runtimeJar, userName);
        switch (command.path()) {
            case "daemon start":
                return DaemonStart.run(inv);
            case "daemon status":
                return DaemonStatus.run(inv);
            case "daemon stop":
                return DaemonStop.run(inv);
            case "auth login":
                return AuthCommands.login(inv);
            case "auth status":
                return AuthCommands.status(inv);
            case "auth logout":
                return AuthCommands.logout(inv);
            case "shell":
                return ShellCommand.run(inv);
            default:
                throw new IllegalStateException("no handler for " + command.path());
        }
    }

    /** "mx-agent: message" on stderr; with --json also the error as the one JSON value on stdout. */
    private int report(CliException failure, boolean json) {
        err.println("mx-agent: " + failure.getMessage());
        if (failure instanceof UsageException usage) {
            String topic = usage.helpTopic().isEmpty() ? "" : usage.helpTopic() + " ";
            err.println("Run 'mx-agent " + topic + "--help' for usage.");
        }
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", failure.getMessage());
            error.put("exit", failure.exitCode());
            if (failure instanceof RemoteError remote) {
                error.put("code", remote.code());
                error.put("data", remote.data());
            }
            Map<String, Object> wrapper = new LinkedHashMap<>();
            wrapper.put("error", error);
            out.println(JsonWriter.write(wrapper));
        }
        return failure.exitCode();
    }

    /** For errors found while parsing: was --json among the global flags? */
    private static boolean requestsJson(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--json")) {
                return true;
            }
        }
        return false;
    }

    static String version() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
