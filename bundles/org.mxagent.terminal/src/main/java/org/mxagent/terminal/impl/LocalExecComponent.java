package org.mxagent.terminal.impl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.mxagent.sandbox.api.Sandbox;
import org.mxagent.terminal.api.ExecException;
import org.mxagent.terminal.api.ExecSpec;
import org.mxagent.terminal.api.LocalExec;
import org.mxagent.terminal.api.OutputSink;
import org.mxagent.terminal.api.RunningExec;
import org.mxagent.terminal.api.stream.StreamSettings;
import org.mxagent.terminal.api.stream.Ticker;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The {@link LocalExec} service. Sandboxes are picked by kind from the registered {@link Sandbox} services, which
 * may come and go (a run needing a missing one fails closed). Owns its threads: a scheduler for timeouts, grace
 * periods and flush ticks, and a pool for stream readers and run completion; both stop in {@link #deactivate},
 * after every run still going has been killed.
 */
@Component(service = LocalExec.class, configurationPid = LocalExecComponent.PID)
@Designate(ocd = LocalExecComponent.Config.class)
public final class LocalExecComponent implements LocalExec {
    static final String PID = "org.mxagent.terminal.exec";

    @ObjectClassDefinition(name = "mx-agent local exec")
    public @interface Config {
        @AttributeDefinition(description = "SIGTERM to SIGKILL grace period on cancel and timeout, ms")
        long cancel_grace_ms() default 5_000;

        @AttributeDefinition(description = "How long output may stay open after the process exited, ms")
        long drain_ms() default 2_000;

        @AttributeDefinition(description = "Output cap of PTY runs whose policy sets no max_output_bytes")
        long pty_default_max_output_bytes() default 64L * 1024 * 1024;

        @AttributeDefinition(description = "Bytes per stream sent as chunks before the log goes to an artifact")
        long timeline_budget_bytes() default 256 * 1024;

        @AttributeDefinition(description = "Spool directory for offloaded logs; empty: <data dir>/spool")
        String spool_dir() default "";

        @AttributeDefinition(description = "zstd level of offloaded logs")
        int zstd_level() default 3;
    }

    @Reference(service = Sandbox.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Sandbox> sandboxes;

    private final Logger log;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService io;
    private final ExecService service;

    @Activate
    public LocalExecComponent(Config config, @Reference RuntimeDirectories directories,
            @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        String path = System.getenv("PATH");
        StreamSettings defaults = StreamSettings.DEFAULTS;
        ExecSettings settings = new ExecSettings(Duration.ofMillis(config.cancel_grace_ms()),
                Duration.ofMillis(config.drain_ms()), config.pty_default_max_output_bytes(),
                new StreamSettings(defaults.maxChunkBytes(), defaults.interactiveFlush(), defaults.batchFlush(),
                        config.timeline_budget_bytes()),
                config.spool_dir().isBlank() ? directories.dataDir().resolve("spool") : Path.of(config.spool_dir()),
                config.zstd_level(), 4096);
        ProcessSignaller signaller = new ProcessSignaller(HostTools.require("kill", path), log);
        BatchLauncher batch = new BatchLauncher(HostTools.require("setsid", path));
        this.scheduler = Executors.newScheduledThreadPool(2, threads("mx-exec-timer"));
        this.io = Executors.newCachedThreadPool(threads("mx-exec-io"));
        this.service = new ExecService(settings, this::sandbox, System.getenv(), signaller, batch,
                new PtyLauncher(), scheduler, io, Ticker.SYSTEM, log);
        log.info("local exec ready: grace {} ms, spool {}", config.cancel_grace_ms(), settings.spoolDir());
    }

    @Deactivate
    void deactivate() {
        service.killAll("the runtime is stopping", 10_000);
        scheduler.shutdownNow();
        io.shutdownNow();
        try {
            if (!io.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("exec reader threads still blocked after shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public RunningExec start(ExecSpec spec, Allowance allowance, OutputSink sink) throws ExecException {
        return service.start(spec, allowance, sink);
    }

    @Override
    public int running() {
        return service.running();
    }

    private Optional<Sandbox> sandbox(SandboxKind kind) {
        List<Sandbox> current = sandboxes;
        return current == null ? Optional.empty()
                : current.stream().filter(s -> s.kind() == kind).findFirst();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
