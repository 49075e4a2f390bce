package org.mxagent.policy.impl;

import java.util.Set;
import org.mxagent.policy.api.ExecutionPolicy;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.policy.api.PolicyException;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.policy.api.SeccompMode;

/** Reads the {@code [execution]} table. */
final class ExecutionSection {
    static final Set<String> KEYS = Set.of("default_sandbox", "container_image", "network", "read_only_paths",
            "writable_paths", "env_allowlist", "max_processes", "max_memory_bytes", "max_cpu_seconds", "seccomp",
            "require_sandbox");

    private ExecutionSection() {}

    static ExecutionPolicy read(TomlTable table, PolicyValues values) throws PolicyException {
        table.rejectUnknownKeys(KEYS);
        return new ExecutionPolicy(
                table.string("default_sandbox", values::sandbox).orElse(SandboxKind.NONE),
                table.string("container_image", values::containerImage),
                table.string("network", values::network).orElse(NetworkMode.DENY),
                table.strings("read_only_paths", values::absolutePath),
                table.strings("writable_paths", values::absolutePath),
                table.strings("env_allowlist", values::envName),
                table.positiveLong("max_processes", "processes"),
                table.positiveLong("max_memory_bytes", "bytes"),
                table.positiveLong("max_cpu_seconds", "seconds"),
                table.string("seccomp", values::seccomp).orElse(SeccompMode.OFF),
                table.bool("require_sandbox").orElse(false));
    }
}
