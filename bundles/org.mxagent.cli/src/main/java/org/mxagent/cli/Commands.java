package org.mxagent.cli;

import java.util.List;

/** Every command the CLI knows, with its help text: the single place to add one. */
final class Commands {
    private static final String[] NONE = {};

    static final CommandSpec DAEMON_START = new CommandSpec("daemon start", "daemon start [--foreground]",
            "Start the runtime (the daemon) in the background and wait until it answers.",
            """
            Options:
              --foreground   run in this terminal instead (logs on stderr; exit code passed through)

            The background daemon's output is appended to <runtime dir>/daemon.log. Does nothing if a daemon
            already answers on the socket.
            """, new String[] {"--foreground"}, NONE);

    static final CommandSpec DAEMON_STATUS = new CommandSpec("daemon status", "daemon status",
            "Show pid, uptime, version, socket, Matrix session and sync health. Exit 3 when not running.",
            "", NONE, NONE);

    static final CommandSpec DAEMON_STOP = new CommandSpec("daemon stop", "daemon stop",
            "Stop the daemon and wait (up to 30 s) until it has exited. Exit 3 when not running.", "", NONE, NONE);

    static final CommandSpec AUTH_LOGIN = new CommandSpec("auth login", "auth login --homeserver URL --user USER",
            "Log the runtime in to a Matrix homeserver with a password.",
            """
            Options:
              --homeserver URL   e.g. https://matrix.example.org
              --user USER        user name or full Matrix id (@name:server)

            The password comes from MX_AGENT_PASSWORD, else from a no-echo prompt on the terminal.
            """, NONE, new String[] {"--homeserver", "--user"});

    static final CommandSpec AUTH_STATUS = new CommandSpec("auth status", "auth status",
            "Show who the runtime is logged in as. Exit 3 when logged out.", "", NONE, NONE);

    static final CommandSpec AUTH_LOGOUT = new CommandSpec("auth logout", "auth logout",
            "Log out on the homeserver and forget the session.", "", NONE, NONE);

    static final CommandSpec SHELL = new CommandSpec("shell", "shell [-c COMMAND]",
            "The running daemon's Gogo shell: one command with -c, else a line console.",
            """
            Options:
              -c COMMAND   run one Gogo command, print its output, exit 1 if it failed

            Without -c: a console reading commands from stdin until end of input or "exit"; variables
            persist between lines and a failed command is reported without ending it. When stdin is not a
            terminal (a script), the exit status is 1 if any command failed.
            """, NONE, new String[] {"-c"});

    static final List<CommandSpec> ALL = concat(List.of(DAEMON_START, DAEMON_STATUS, DAEMON_STOP, AUTH_LOGIN,
            AUTH_STATUS, AUTH_LOGOUT, SHELL), concat(CollaborationCommands.SPECS, RemoteCommands.SPECS));

    private Commands() {}

    private static List<CommandSpec> concat(List<CommandSpec> first, List<CommandSpec> second) {
        List<CommandSpec> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    static boolean isGroup(String word) {
        for (CommandSpec spec : ALL) {
            if (spec.group().equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** The command {@code name} of {@code group}; {@code name} "" finds a group that is itself a command. */
    static CommandSpec find(String group, String name) {
        for (CommandSpec spec : ALL) {
            if (spec.group().equals(group) && spec.name().equals(name)) {
                return spec;
            }
        }
        return null;
    }

    static String mainHelp() {
        StringBuilder help = new StringBuilder("""
                mx-agent: coding agents working together over Matrix. A thin client of the local mx-agent daemon.

                Usage: mx-agent [GLOBAL] <group> <command> [OPTIONS]

                Commands:
                """);
        for (CommandSpec spec : ALL) {
            help.append("  ").append(pad(spec.synopsis(), 42)).append(firstSentence(spec.summary())).append('\n');
        }
        help.append("""

                Global flags (before or after the command):
                  --json          one JSON value on stdout (diagnostics stay on stderr)
                  --socket PATH   the daemon socket (default: <runtime dir>/daemon.sock)
                  --config PATH   configuration handed to the daemon when it starts
                  -v, -vv, -vvv   more diagnostics on stderr
                  --version       print the CLI version
                  -h, --help      help, for any command

                Environment: MX_AGENT_RUNTIME_DIR, MX_AGENT_DATA_DIR, MX_AGENT_CONFIG_DIR (one set per runtime),
                MX_AGENT_PASSWORD (for auth login).
                Exit codes: 0 ok, 1 error, 3 not running / not logged in / not found, 64 usage,
                129 no reply from the daemon in time, 132 integrity failure (a refused share).
                """);
        return help.toString();
    }

    static String groupHelp(String group) {
        StringBuilder help = new StringBuilder("Usage: mx-agent " + group + " <command> [OPTIONS]\n\nCommands:\n");
        for (CommandSpec spec : ALL) {
            if (spec.group().equals(group)) {
                help.append("  ").append(pad(spec.synopsis(), 42)).append(firstSentence(spec.summary())).append('\n');
            }
        }
        return help.append("\nRun 'mx-agent ").append(group).append(" <command> --help' for details.\n").toString();
    }

    private static String pad(String text, int width) {
        StringBuilder padded = new StringBuilder(text);
        do {
            padded.append(' ');
        } while (padded.length() < width);
        return padded.toString();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
