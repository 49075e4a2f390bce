package org.mxagent.sandbox.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.policy.api.SeccompMode;
import org.mxagent.sandbox.api.Availability;
import org.mxagent.sandbox.api.LaunchSpec;
import org.mxagent.sandbox.api.Sandbox;
import org.mxagent.sandbox.api.SandboxException;
import org.mxagent.sandbox.api.WrappedCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * {@code sandbox = "none"}: the command runs as the runtime's user with the host's file system and network.
 * Every launch is logged as a warning. Limits still apply (through prlimit); a limit that cannot be applied, or a
 * seccomp filter, fails the launch instead of being dropped.
 */
@Component(property = Sandbox.KIND_PROPERTY + "=none")
public final class NoneSandbox implements Sandbox {
    private final Logger log;
    private final String searchPath;

    @Activate
    public NoneSandbox(@Reference(service = LoggerFactory.class) Logger log) {
        this(log, System.getenv("PATH"));
    }

    NoneSandbox(Logger log, String searchPath) {
        this.log = log;
        this.searchPath = searchPath;
    }

    @Override
    public SandboxKind kind() {
        return SandboxKind.NONE;
    }

    @Override
    public Availability availability() {
        return Availability.available("no isolation: host file system, network and user");
    }

    @Override
    public WrappedCommand wrap(LaunchSpec spec) throws SandboxException {
        if (spec.allowance().seccomp() != SeccompMode.OFF) {
            throw new SandboxException("seccomp=" + spec.allowance().seccomp().wire() + " is not supported");
        }
        List<String> argv = new ArrayList<>();
        if (ResourceLimits.requested(spec.allowance())) {
            Optional<Path> prlimit = Executables.find(null, "prlimit", searchPath);
            if (prlimit.isEmpty()) {
                throw new SandboxException("resource limits are set but prlimit (util-linux) is not on PATH");
            }
            argv.addAll(ResourceLimits.prefix(prlimit.get(), spec.allowance()));
        }
        argv.addAll(spec.argv());
        String warning = "sandbox none: " + spec.argv().get(0) + " runs in " + spec.cwd()
                + " WITHOUT isolation (host file system, network and user; runtime secrets readable)";
        log.warn(warning);
        return new WrappedCommand(argv, spec.env(), spec.cwd(), false, List.of(warning));
    }
}
