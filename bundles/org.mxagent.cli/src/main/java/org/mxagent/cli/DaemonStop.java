package org.mxagent.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code daemon stop}: asks the daemon to stop, then waits until its process is gone (at most 30 s). */
final class DaemonStop {
    static final long WAIT_MILLIS = 30_000;

    private DaemonStop() {}

    static int run(Invocation inv) throws CliException {
        Path socket = inv.socket();
        long pid;
        try (IpcClient client = inv.connect()) {
            pid = Json.number(Json.object(client.call("daemon.status", null)), "pid", -1);
            client.call("daemon.stop", null);
        }
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        Backoff backoff = new Backoff(WAIT_MILLIS);
        while (isAlive(process) || IpcClient.answers(socket)) {
            if (backoff.expired()) {
                throw new CliException(ExitCodes.FAILURE, "the daemon (pid " + pid + ") did not exit within "
                        + WAIT_MILLIS / 1000 + " s; it may still be shutting down");
            }
            backoff.pause();
        }
        if (inv.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("stopped", Boolean.TRUE);
            result.put("pid", pid);
            inv.printJson(result);
        } else {
            inv.out.println("daemon stopped (pid " + pid + ")");
        }
        return ExitCodes.OK;
    }

    private static boolean isAlive(Optional<ProcessHandle> process) {
        return process.isPresent() && process.get().isAlive();
    }
}
