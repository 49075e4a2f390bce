package org.mxagent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code daemon start [--foreground]}: launches the runtime jar unless a daemon already answers, then waits
 * (at most 60 s) until {@code daemon.status} does.
 */
final class DaemonStart {
    static final long WAIT_MILLIS = 60_000;
    private static final int LOG_LINES = 30;

    private DaemonStart() {}

    static int run(Invocation inv) throws CliException {
        Path socket = inv.socket();
        if (IpcClient.answers(socket)) {
            return reportRunning(inv, statusOrNull(inv), true);
        }
        DaemonLauncher launcher = new DaemonLauncher(runtimeJar(inv), inv.line.config(), environment(inv, socket));
        if (inv.line.has("--foreground")) {
            try {
                return launcher.runInForeground();
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILURE, "cannot start " + launcher.command() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.FAILURE, "interrupted while the daemon ran");
            }
        }
        Path log = socket.resolveSibling(RuntimePaths.LOG_NAME);
        long logOffset;
        Process process;
        try {
            logOffset = DaemonLauncher.markLog(log, "---- mx-agent daemon starting (requested by CLI pid "
                    + ProcessHandle.current().pid() + ") ----");
            process = launcher.startInBackground(log);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot start the daemon: " + e.getMessage(), e);
        }
        inv.verbose.log(1, "started " + launcher.command() + " as pid " + process.pid() + ", log " + log);
        Map<String, Object> status = awaitStatus(inv, socket, process, log, logOffset);
        long answeringPid = Json.number(status, "pid", -1);
        if (answeringPid != process.pid() && process.isAlive()) {
            // Another start won the race: ours will find the socket taken; do not leave it lingering.
            process.destroy();
            return reportRunning(inv, status, true);
        }
        return reportRunning(inv, status, false);
    }

    private static Map<String, Object> awaitStatus(Invocation inv, Path socket, Process process, Path log,
            long logOffset) throws CliException {
        Backoff backoff = new Backoff(WAIT_MILLIS);
        String lastProblem = "no answer yet";
        while (true) {
            if (IpcClient.answers(socket)) {
                try (IpcClient client = inv.connect()) {
                    Map<String, Object> status = Json.object(client.call("daemon.status", null));
                    if (!(status.get("ready") instanceof Boolean ready) || ready) {
                        return status; // ready, or an older daemon that does not report readiness
                    }
                    lastProblem = "bundles still starting (" + Json.object(status.get("bundles")) + ")";
                    inv.verbose.log(2, "not ready: " + lastProblem);
                } catch (CliException notReady) {
                    // Listening but not serving daemon.status yet (its component may still be starting).
                    lastProblem = notReady.getMessage();
                    inv.verbose.log(2, "not ready: " + lastProblem);
                }
            }
            if (!process.isAlive()) {
                throw new CliException(ExitCodes.FAILURE, "the daemon exited with status " + process.exitValue()
                        + " before it answered. Last lines of " + log + ":\n" + tail(log, logOffset));
            }
            if (backoff.expired()) {
                process.destroy();
                throw new CliException(ExitCodes.FAILURE, "the daemon did not answer on " + socket + " within "
                        + WAIT_MILLIS / 1000 + " s (" + lastProblem + "); stopped it. Last lines of " + log + ":\n"
                        + tail(log, logOffset));
            }
            backoff.pause();
        }
    }

    private static int reportRunning(Invocation inv, Map<String, Object> status, boolean already) {
        long pid = status == null ? -1 : Json.number(status, "pid", -1);
        if (inv.json()) {
            Map<String, Object> result = new LinkedHashMap<>(status == null ? Map.of() : status);
            result.put("already_running", already);
            inv.printJson(result);
            return ExitCodes.OK;
        }
        String what = already ? "daemon already running" : "daemon started";
        inv.out.println(what + (pid > 0 ? " (pid " + pid + ")" : ""));
        inv.out.println("socket    " + inv.socket());
        if (status != null && Json.string(status, "log") != null) {
            inv.out.println("log       " + Json.string(status, "log"));
        }
        return ExitCodes.OK;
    }

    /** The running daemon's status, or null if it answers the socket but not the method (e.g. shutting down). */
    private static Map<String, Object> statusOrNull(Invocation inv) {
        try (IpcClient client = inv.connect()) {
            return Json.object(client.call("daemon.status", null));
        } catch (CliException e) {
            inv.verbose.log(1, "a daemon answers but its status failed: " + e.getMessage());
            return null;
        }
    }

    private static Path runtimeJar(Invocation inv) throws CliException {
        if (inv.runtimeJar == null || inv.runtimeJar.isBlank()) {
            throw new CliException(ExitCodes.FAILURE, "no runtime jar: the system property mxagent.runtime.jar is not"
                    + " set (the mx-agent script sets it)");
        }
        Path jar = Path.of(inv.runtimeJar).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new CliException(ExitCodes.FAILURE, "runtime jar not found: " + jar + " (build it with mvn install)");
        }
        return jar;
    }

    /**
     * The daemon gets the CLI's environment; an explicit --socket moves its runtime directory there, since
     * the daemon always listens on {@code <runtime dir>/daemon.sock}.
     */
    private static Map<String, String> environment(Invocation inv, Path socket) throws UsageException {
        if (inv.line.socket() == null) {
            return inv.env;
        }
        if (!socket.getFileName().toString().equals(RuntimePaths.SOCKET_NAME)) {
            throw new UsageException("daemon start --socket must name a file called " + RuntimePaths.SOCKET_NAME
                    + " (the daemon listens on <runtime dir>/" + RuntimePaths.SOCKET_NAME + ")", "daemon start");
        }
        Map<String, String> environment = new HashMap<>(inv.env);
        environment.put("MX_AGENT_RUNTIME_DIR", socket.getParent().toString());
        return environment;
    }

    private static String tail(Path log, long offset) {
        try {
            return LogTail.since(log, offset, LOG_LINES);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
