package org.mxagent.sandbox.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mxagent.policy.api.Allowance;

/**
 * What is to run, before isolation.
 *
 * @param argv      the command, argv[0] first; never empty
 * @param cwd       absolute working directory of the command
 * @param env       the complete child environment (already built by
 *                  {@link org.mxagent.policy.api.ChildEnvironment})
 * @param allowance limits, network, binds and sandbox kind granted by policy
 */
public record LaunchSpec(List<String> argv, Path cwd, Map<String, String> env, LaunchMode mode, Allowance allowance) {
    public LaunchSpec {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
        Objects.requireNonNull(cwd, "cwd");
        if (!cwd.isAbsolute()) {
            throw new IllegalArgumentException("cwd must be absolute: " + cwd);
        }
        env = Map.copyOf(env);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(allowance, "allowance");
    }
}
