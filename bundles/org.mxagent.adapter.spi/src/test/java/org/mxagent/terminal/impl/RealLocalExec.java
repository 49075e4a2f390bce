package org.mxagent.terminal.impl;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.mxagent.sandbox.api.Sandbox;
import org.mxagent.sandbox.impl.NoneSandbox;
import org.mxagent.terminal.api.LocalExec;
import org.mxagent.terminal.api.stream.StreamSettings;
import org.mxagent.terminal.api.stream.Ticker;
import org.osgi.service.log.Logger;

/**
 * TEST FIXTURE: the terminal bundle's real {@link LocalExec} implementation (ExecService: sandbox lookup,
 * ChildEnvironment, setsid, pumps, chunker, cancel) with the real {@code none} sandbox, outside OSGi. Lives in
 * the terminal's impl package because ExecService is package-private there; test class path only.
 */
public final class RealLocalExec implements AutoCloseable {
    public static final String PATH = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final ExecutorService io = Executors.newCachedThreadPool();
    private final ExecService service;

    /** {@code inheritedEnv} plays the runtime's own environment (ChildEnvironment filters it). */
    public RealLocalExec(Path spoolDir, Map<String, String> inheritedEnv) {
        Logger log = quietLogger();
        ExecSettings settings = new ExecSettings(Duration.ofSeconds(3), Duration.ofMillis(500), 64L << 20,
                StreamSettings.DEFAULTS, spoolDir, 3, 4096);
        List<Sandbox> sandboxes = List.of(new NoneSandbox(log));
        service = new ExecService(settings, kind -> sandboxes.stream().filter(s -> s.kind() == kind).findFirst(),
                inheritedEnv, new ProcessSignaller(HostTools.require("kill", PATH), log),
                new BatchLauncher(HostTools.require("setsid", PATH)), new PtyLauncher(), scheduler, io, Ticker.SYSTEM,
                log);
    }

    public LocalExec exec() {
        return service;
    }

    public int running() {
        return service.running();
    }

    @Override
    public void close() {
        service.killAll("test over", 10_000);
        scheduler.shutdownNow();
        io.shutdownNow();
    }

    private static Logger quietLogger() {
        return (Logger) Proxy.newProxyInstance(RealLocalExec.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> "test";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    case "toString" -> "quiet logger";
                    default -> method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });
    }
}
