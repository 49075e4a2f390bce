package org.mxagent.sandbox.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mxagent.policy.api.Allowance;

/**
 * The allowance's rlimits as a {@code prlimit} prefix (util-linux): {@code prlimit --nproc=N --as=BYTES --cpu=S --}
 * sets the limits and then execs the command, so the limits bind the command and everything it starts, and not
 * the runtime. {@code max_memory_bytes} is RLIMIT_AS (address space), the only memory rlimit Linux enforces;
 * {@code max_processes} is RLIMIT_NPROC, which Linux counts per user, not per invocation.
 */
final class ResourceLimits {
    private ResourceLimits() {}

    static boolean requested(Allowance allowance) {
        return allowance.maxProcesses().isPresent() || allowance.maxMemoryBytes().isPresent()
                || allowance.maxCpuSeconds().isPresent();
    }

    /** The prefix to put before the command, or an empty list when the allowance sets no limit. */
    static List<String> prefix(Path prlimit, Allowance allowance) {
        if (!requested(allowance)) {
            return List.of();
        }
        List<String> prefix = new ArrayList<>();
        prefix.add(prlimit.toString());
        allowance.maxProcesses().ifPresent(n -> prefix.add("--nproc=" + n));
        allowance.maxMemoryBytes().ifPresent(n -> prefix.add("--as=" + n));
        allowance.maxCpuSeconds().ifPresent(n -> prefix.add("--cpu=" + n));
        prefix.add("--");
        return prefix;
    }
}
