package org.mxagent.cli;

import java.util.List;

/**
 * The groups that run things: {@code exec}, {@code call} and {@code invocation} (specs/exec.md, docs/exec.md).
 * Each command checks its own operands.
 */
final class RemoteCommands {
    private static final String[] NONE = {};

    static final CommandSpec EXEC = new CommandSpec("exec",
            "exec [--room R --agent A] [--pty] [--cwd D] [--env K=V…] [--timeout T] [--strict-stream] [--no-stdin] -- ARGV…",
            "Run a command on another agent (with --room and --agent, signed, over Matrix) or here, with live output.",
            """
            Options:
              --room R          workspace room (id or alias); with --agent: a remote exec
              --agent A         the target agent (agt_…)
              --as A            request as this hosted agent (default: this runtime's agent in the room)
              --pty             interactive terminal: the local terminal goes raw (restored on exit, Ctrl-C and
                                lost connections), keystrokes incl. Ctrl-C go to the remote PTY, resizes follow
              --cwd D           working directory (remote default: the target's advertised cwd; local: here)
              --env K=V         environment override (repeatable; must be in the target's env_allowlist)
              --timeout T       e.g. 90s, 5m, 1500ms (a bare number is seconds; default 600s, capped by policy)
              --strict-stream   any lost, refused or tampered output chunk ends the run with exit 132
              --no-stdin        do not forward standard input (the remote command sees EOF at once)

            Standard input is forwarded unless it is /dev/null or an empty file (or --no-stdin); it is read as it
            comes, and its end is sent as EOF. Ctrl-C (without --pty) asks the target to cancel (SIGTERM, then
            SIGKILL after its grace period); a second Ctrl-C leaves at once.

            Exit codes: the remote exit code (0-255) · 128+N killed by signal N · 127 the target could not start it
            · 129 no final answer within the timeout + 30 s (a signed cancel was sent) · 132 stream integrity
            failure (--strict-stream) · 160 denied by the target's policy · 161 rejected by the target for another
            reason (untrusted key, bad signature, malformed) · 1 error · 3 not running / not found · 64 usage.
            """, new String[] {"--pty", "--strict-stream", "--no-stdin"},
            new String[] {"--room", "--agent", "--as", "--cwd", "--env", "--timeout"});

    static final CommandSpec CALL = new CommandSpec("call",
            "call --tool NAME[@VER] [--arg K=V… | --input-json F] [--room R --agent A] [--timeout T]",
            "Call a named tool of another agent (with --room and --agent, signed) or of this runtime.",
            """
            Options:
              --tool NAME[@VER]   the tool; without a version the highest one offered
              --arg K=V           a string argument (repeatable); K:=JSON for a typed value, e.g. n:=3
              --input-json F      all arguments as one JSON object from file F ('-' for stdin)
              --room R, --agent A the target (both, or neither for a tool of this runtime)
              --as A              request as this hosted agent
              --timeout T         how long to wait (default 600s)

            Prints the result JSON on stdout. Exit codes: 0 ok · 1 the tool failed (error on stderr) · 129 no
            answer in time · 160 denied by the target's policy · 161 rejected for another reason.
            """, NONE, new String[] {"--tool", "--arg", "--input-json", "--room", "--agent", "--as", "--timeout"});

    static final CommandSpec INVOCATION_LIST = new CommandSpec("invocation list", "invocation list [--room R]",
            "List invocations (invocation.v1 published by their targets) and what runs here now.", "",
            NONE, new String[] {"--room"});

    static final CommandSpec INVOCATION_SHOW = new CommandSpec("invocation show", "invocation show ID [--room R]",
            "Show one invocation: its published state and, if live here, its live view.", "",
            NONE, new String[] {"--room"});

    static final CommandSpec INVOCATION_CANCEL = new CommandSpec("invocation cancel",
            "invocation cancel ID [--room R]",
            "Cancel an invocation this runtime requested (a signed exec.cancel) or runs for another agent.", "",
            NONE, new String[] {"--room"});

    static final CommandSpec INVOCATION_ARTIFACT = new CommandSpec("invocation artifact",
            "invocation artifact ID --stream stdout|stderr|pty [--output F] [--room R]",
            "Fetch a stream's full log from its stream.artifact: signed by the target, SHA-256 verified, decompressed.",
            """
            Options:
              --stream S    stdout, stderr or pty
              --output F    write it to F (default: standard output)
              --room R      the room (default: every room this runtime hosts agents in)
            """, NONE, new String[] {"--stream", "--output", "--room"});

    static final List<CommandSpec> SPECS = List.of(EXEC, CALL, INVOCATION_LIST, INVOCATION_SHOW, INVOCATION_CANCEL,
            INVOCATION_ARTIFACT);

    private RemoteCommands() {}

    static boolean handles(CommandSpec command) {
        return SPECS.contains(command);
    }

    static int run(Invocation inv) throws CliException {
        CommandSpec command = inv.line.command();
        if (command == EXEC) {
            return ExecCommand.run(inv);
        }
        if (command == CALL) {
            return CallCommand.run(inv);
        }
        return InvocationCommands.run(inv);
    }
}
