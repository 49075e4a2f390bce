package org.mxagent.terminal.impl;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.mxagent.sandbox.api.Sandbox;
import org.mxagent.sandbox.impl.BubblewrapSandbox;
import org.mxagent.sandbox.impl.NoneSandbox;
import org.mxagent.terminal.api.stream.StreamSettings;
import org.mxagent.terminal.api.stream.Ticker;

/** An {@link ExecService} with real launchers and the real none/bubblewrap sandboxes, outside OSGi. */
final class ExecHarness implements AutoCloseable {
    static final String PATH = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
    final RecordingLogger log = new RecordingLogger();
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    final ExecutorService io = Executors.newCachedThreadPool();
    final ExecService service;

    ExecHarness(Path spoolDir, Duration grace, StreamSettings streams, Map<String, String> inheritedEnv) {
        ExecSettings settings = new ExecSettings(grace, Duration.ofMillis(500), 64L << 20, streams, spoolDir, 3, 4096);
        List<Sandbox> sandboxes = List.of(new NoneSandbox(log.logger), bubblewrap(spoolDir));
        service = new ExecService(settings, kind -> sandboxes.stream().filter(s -> s.kind() == kind).findFirst(),
                inheritedEnv, new ProcessSignaller(HostTools.require("kill", PATH), log.logger),
                new BatchLauncher(HostTools.require("setsid", PATH)), new PtyLauncher(), scheduler, io,
                Ticker.SYSTEM, log.logger);
    }

    ExecHarness(Path spoolDir) {
        this(spoolDir, Duration.ofSeconds(5), StreamSettings.DEFAULTS, Map.of("PATH", PATH, "HOME", "/root"));
    }

    static boolean bwrapInstalled() {
        return HostTools.find("bwrap", PATH).isPresent();
    }

    private BubblewrapSandbox bubblewrap(Path spoolDir) {
        Path hidden = spoolDir.resolveSibling("runtime-data");
        RuntimeDirectories directories = (RuntimeDirectories) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RuntimeDirectories.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "dataDir", "configDir", "runtimeDir" -> hidden;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        BubblewrapSandbox.Config defaults = (BubblewrapSandbox.Config) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {BubblewrapSandbox.Config.class},
                (proxy, method, args) -> Optional.ofNullable(method.getDefaultValue())
                        .orElseThrow(() -> new UnsupportedOperationException(method.getName())));
        return new BubblewrapSandbox(defaults, directories, log.logger);
    }

    @Override
    public void close() {
        service.killAll("test over", 10_000);
        scheduler.shutdownNow();
        io.shutdownNow();
    }
}
