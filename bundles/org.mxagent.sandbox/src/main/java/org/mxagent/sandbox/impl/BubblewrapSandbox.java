package org.mxagent.sandbox.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.policy.api.SeccompMode;
import org.mxagent.runtime.api.RuntimeDirectories;
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
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code sandbox = "bubblewrap"}: namespaces (user, pid, ipc, uts, cgroup, and net unless the network is
 * allowed), all capabilities dropped, a read-only root, fresh /proc, /dev and /tmp, the policy's binds, the
 * runtime's own data/config/runtime directories hidden under empty tmpfs, and prlimit for the rlimits. A missing
 * bwrap (or prlimit, when limits are set) fails the launch.
 */
@Component(property = Sandbox.KIND_PROPERTY + "=bubblewrap", configurationPid = BubblewrapSandbox.PID)
@Designate(ocd = BubblewrapSandbox.Config.class)
public final class BubblewrapSandbox implements Sandbox {
    static final String PID = "org.mxagent.sandbox.bubblewrap";

    @ObjectClassDefinition(name = "mx-agent bubblewrap sandbox")
    public @interface Config {
        @AttributeDefinition(description = "Absolute path of bwrap; empty searches PATH")
        String bwrap_path() default "";

        @AttributeDefinition(description = "Absolute path of prlimit; empty searches PATH")
        String prlimit_path() default "";

        @AttributeDefinition(description = "host: the whole host file system read-only; "
                + "minimal: only /usr, /bin, /sbin, /lib*, /etc plus the policy's paths")
        String root() default "host";
    }

    private final Logger log;
    private final String bwrapPath;
    private final String prlimitPath;
    private final String searchPath;
    private final RootMode root;
    private final List<Path> masked;

    @Activate
    public BubblewrapSandbox(Config config, @Reference RuntimeDirectories directories,
            @Reference(service = LoggerFactory.class) Logger log) {
        this(log, config.bwrap_path(), config.prlimit_path(), System.getenv("PATH"), rootMode(config.root()),
                List.of(directories.dataDir(), directories.configDir(), directories.runtimeDir()));
        log.info("bubblewrap sandbox: {}", availability().reason());
    }

    BubblewrapSandbox(Logger log, String bwrapPath, String prlimitPath, String searchPath, RootMode root,
            List<Path> masked) {
        this.log = log;
        this.bwrapPath = bwrapPath;
        this.prlimitPath = prlimitPath;
        this.searchPath = searchPath;
        this.root = root;
        this.masked = List.copyOf(masked);
    }

    private static RootMode rootMode(String value) {
        return switch (value) {
            case "host" -> RootMode.HOST;
            case "minimal" -> RootMode.MINIMAL;
            default -> throw new IllegalArgumentException("root must be host or minimal, not " + value);
        };
    }

    @Override
    public SandboxKind kind() {
        return SandboxKind.BUBBLEWRAP;
    }

    @Override
    public Availability availability() {
        return bwrap().map(path -> Availability.available("bwrap at " + path + ", root " + root.name().toLowerCase()))
                .orElseGet(() -> Availability.unavailable(bwrapPath.isBlank()
                        ? "bwrap (bubblewrap) is not on PATH" : "bwrap_path " + bwrapPath + " is not executable"));
    }

    @Override
    public WrappedCommand wrap(LaunchSpec spec) throws SandboxException {
        Optional<Path> bwrap = bwrap();
        if (bwrap.isEmpty()) {
            throw new SandboxException("bubblewrap sandbox required but unavailable: " + availability().reason());
        }
        if (spec.allowance().seccomp() != SeccompMode.OFF) {
            throw new SandboxException("seccomp=" + spec.allowance().seccomp().wire() + " is not supported yet");
        }
        List<String> limits = List.of();
        if (ResourceLimits.requested(spec.allowance())) {
            Path prlimit = Executables.find(prlimitPath, "prlimit", searchPath).orElseThrow(() ->
                    new SandboxException("resource limits are set but prlimit (util-linux) was not found"));
            limits = ResourceLimits.prefix(prlimit, spec.allowance());
        }
        List<String> argv = new ArrayList<>(BubblewrapArguments.build(bwrap.get(), spec, root, masked, limits));
        log.debug("bubblewrap launch: {}", argv);
        return new WrappedCommand(argv, spec.env(), spec.cwd(), true, List.of());
    }

    private Optional<Path> bwrap() {
        return Executables.find(bwrapPath, "bwrap", searchPath);
    }
}
