package org.mxagent.exec.impl.desk;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An {@code exec.start}: remote when both {@code room} and {@code agent} are given, else loopback.
 *
 * @param asAgent the hosted agent to request as; empty: this runtime's (first) agent in the room
 * @param cwd     absolute; "" for a remote exec means the target's advertised {@code agent.v1.workspace.cwd}
 * @param rows    initial PTY rows (0: 24); {@code cols} likewise (0: 80)
 */
public record ExecParams(Optional<String> room, Optional<String> agent, Optional<String> asAgent, List<String> argv,
        String cwd, Map<String, String> env, OptionalLong timeoutMs, boolean stdin, boolean pty, int rows, int cols,
        boolean strict) {

    public ExecParams {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(asAgent, "asAgent");
        argv = List.copyOf(argv);
        Objects.requireNonNull(cwd, "cwd");
        env = Map.copyOf(env);
        Objects.requireNonNull(timeoutMs, "timeoutMs");
    }

    public boolean remote() {
        return room.isPresent() && agent.isPresent();
    }
}
