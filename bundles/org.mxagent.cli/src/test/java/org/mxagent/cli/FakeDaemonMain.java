package org.mxagent.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in runtime jar's main class for the daemon start/stop tests: listens on
 * $MX_AGENT_RUNTIME_DIR/daemon.sock like the real daemon, answers daemon.status and daemon.stop. With
 * FAKE_DAEMON_MODE=fail it prints a reason and exits 2 instead, like a runtime that cannot start.
 */
public final class FakeDaemonMain {
    private FakeDaemonMain() {}

    public static void main(String[] args) throws Exception {
        Path runtimeDir = Path.of(System.getenv("MX_AGENT_RUNTIME_DIR"));
        System.out.println("fake daemon pid " + ProcessHandle.current().pid() + " in " + runtimeDir);
        if ("fail".equals(System.getenv("FAKE_DAEMON_MODE"))) {
            System.out.println("fake failure: the configuration is broken");
            System.exit(2);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (FakeDaemon daemon = FakeDaemon.start(runtimeDir.resolve(RuntimePaths.SOCKET_NAME))) {
            daemon.on("daemon.status", (params, call) -> {
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("pid", ProcessHandle.current().pid());
                status.put("uptime_ms", 1500);
                status.put("version", "fake");
                status.put("socket", daemon.socket().toString());
                status.put("log", runtimeDir.resolve(RuntimePaths.LOG_NAME).toString());
                return status;
            });
            daemon.on("daemon.stop", (params, call) -> {
                call.afterReply(stopped::countDown);
                return Map.of("stopping", true);
            });
            stopped.await();
        }
        System.out.println("fake daemon stopped");
    }
}
