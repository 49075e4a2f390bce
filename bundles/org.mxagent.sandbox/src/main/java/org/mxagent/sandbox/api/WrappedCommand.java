package org.mxagent.sandbox.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the launcher really starts.
 *
 * @param argv       the full command line (sandbox tool, its options, then the command)
 * @param env        the environment of the started process
 * @param hostCwd    the directory the started process begins in on the host
 * @param supervised true when the started process is a sandbox supervisor (bwrap) whose death kills the command
 *                   at once: a graceful stop must then signal the command's processes (the supervisor's
 *                   descendants) and leave the supervisor to exit with them
 * @param warnings   what the operator should know about this launch (e.g. "no isolation"), already logged
 */
public record WrappedCommand(List<String> argv, Map<String, String> env, Path hostCwd, boolean supervised,
        List<String> warnings) {
    public WrappedCommand {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
        env = Map.copyOf(env);
        Objects.requireNonNull(hostCwd, "hostCwd");
        warnings = List.copyOf(warnings);
    }
}
