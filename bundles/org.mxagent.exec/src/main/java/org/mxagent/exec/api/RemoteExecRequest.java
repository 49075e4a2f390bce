package org.mxagent.exec.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One remote exec: in {@code roomId}, {@code requestingAgent} (an agent this runtime hosts) asks
 * {@code targetAgent} to run {@code argv}.
 *
 * @param invocationId the invocation id to use (e.g. one a task already records); empty: a fresh one
 * @param cwd          absolute, or empty for the target's advertised {@code agent.v1.workspace.cwd}
 * @param timeoutMs    empty: the default timeout; the target's policy may lower it
 */
public record RemoteExecRequest(String roomId, String requestingAgent, String targetAgent,
        Optional<String> invocationId, List<String> argv, Optional<String> cwd, Map<String, String> env,
        OptionalLong timeoutMs) {

    public RemoteExecRequest {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(requestingAgent, "requestingAgent");
        Objects.requireNonNull(targetAgent, "targetAgent");
        Objects.requireNonNull(invocationId, "invocationId");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must name a command");
        }
        Objects.requireNonNull(cwd, "cwd");
        env = Map.copyOf(env);
        Objects.requireNonNull(timeoutMs, "timeoutMs");
    }
}
