package org.mxagent.policy.impl;

import java.util.Set;
import org.mxagent.policy.api.AgentPolicy;
import org.mxagent.policy.api.PolicyException;

/** Reads one {@code [rooms."!room".agents."@mxid:server"]} table. */
final class AgentSection {
    static final Set<String> KEYS = Set.of("allow_exec", "allow_tools", "allow_commands", "allow_cwd",
            "deny_args_regex", "max_runtime_ms", "max_output_bytes", "requires_approval", "sandbox", "network",
            "max_processes", "max_memory_bytes", "max_cpu_seconds", "seccomp", "require_verified_device");

    private AgentSection() {}

    static AgentPolicy read(TomlTable table, PolicyValues values) throws PolicyException {
        table.rejectUnknownKeys(KEYS);
        return new AgentPolicy(
                table.bool("allow_exec"),
                table.strings("allow_tools", values::tool),
                table.strings("allow_commands", values::command),
                table.strings("allow_cwd", values::absolutePath),
                table.strings("deny_args_regex", values::regex),
                table.positiveLong("max_runtime_ms", "milliseconds"),
                table.positiveLong("max_output_bytes", "bytes"),
                table.bool("requires_approval").orElse(false),
                table.string("sandbox", values::sandbox),
                table.string("network", values::network),
                table.positiveLong("max_processes", "processes"),
                table.positiveLong("max_memory_bytes", "bytes"),
                table.positiveLong("max_cpu_seconds", "seconds"),
                table.string("seccomp", values::seccomp),
                table.bool("require_verified_device").orElse(false));
    }
}
