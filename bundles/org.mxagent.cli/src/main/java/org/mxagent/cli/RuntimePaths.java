package org.mxagent.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the daemon's socket is, resolved exactly as the runtime resolves its runtime directory
 * (specs/daemon-ipc.md): MX_AGENT_RUNTIME_DIR, else $XDG_RUNTIME_DIR/mx-agent, else $TMPDIR (or /tmp)
 * /mx-agent-&lt;user&gt;.
 */
final class RuntimePaths {
    static final String SOCKET_NAME = "daemon.sock";
    static final String LOG_NAME = "daemon.log";

    private RuntimePaths() {}

    static Path runtimeDir(Map<String, String> env, String userName) {
        String configured = env.get("MX_AGENT_RUNTIME_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_RUNTIME_DIR");
        Path dir = xdg != null && !xdg.isBlank() ? Path.of(xdg, "mx-agent")
                : Path.of(env.getOrDefault("TMPDIR", "/tmp"), "mx-agent-" + userName);
        return dir.toAbsolutePath().normalize();
    }

    static Path socket(Map<String, String> env, String userName) {
        return runtimeDir(env, userName).resolve(SOCKET_NAME);
    }
}
