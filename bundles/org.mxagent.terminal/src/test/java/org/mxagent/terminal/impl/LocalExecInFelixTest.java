package org.mxagent.terminal.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The terminal bundle in a real Felix with SCR, the log service and the real dependency bundles (pty4j wrapper,
 * JNA, zstd-jni, policy, sandbox): everything resolves, the DS components activate and bind the sandboxes, and
 * the LocalExec service runs a batch command past the timeline budget (zstd natives loaded inside OSGi) and a PTY
 * command (pty4j inside OSGi). The test talks to the service by reflection: its API classes are the bundles'.
 */
@Timeout(120)
class LocalExecInFelixTest {
    private static final String[] BUNDLES = {"org.osgi.service.log", "org.osgi.util.function", "org.osgi.util.promise",
        "org.osgi.service.component", "org.apache.felix.configadmin", "org.apache.felix.log", "org.apache.felix.scr",
        "jackson-annotations", "jackson-core", "jackson-databind", "jackson-dataformat-toml", "jna", "jna-platform",
        "zstd-jni", "org.mxagent.runtime", "org.mxagent.protocol", "org.mxagent.transport.api", "org.mxagent.daemon",
        "org.mxagent.policy", "org.mxagent.sandbox",
        "org.mxagent.pty4j"};
    @TempDir
    Path storage;
    private Framework framework;
    private Bundle terminal;

    @BeforeEach
    void startFelix() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = new FrameworkFactory().newFramework(config);
        framework.start();
        List<Bundle> bundles = new ArrayList<>();
        for (String artifact : BUNDLES) {
            bundles.add(framework.getBundleContext().installBundle(jar(artifact).toURI().toString()));
        }
        terminal = framework.getBundleContext()
                .installBundle("reference:" + new File("target/classes").getAbsoluteFile().toURI());
        bundles.add(terminal);
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
    }

    @AfterEach
    void stopFelix() throws Exception {
        framework.stop();
        framework.waitForStop(20_000);
    }

    @Test
    void localExecRunsBatchAndPtyCommandsInsideTheFramework() throws Exception {
        Object localExec = service("org.mxagent.terminal.api.LocalExec");
        Object allowance = allowance();

        Sink batchSink = new Sink();
        Object batch = type("org.mxagent.terminal.api.ExecSpec").getMethod("batch", String.class, List.class,
                Path.class).invoke(null, "inv_osgi_batch", List.of("sh", "-c",
                        "head -c 300000 /dev/zero | tr '\\000' x; echo; echo done >&2"), Path.of("/tmp"));
        Object batchResult = run(localExec, batch, allowance, batchSink);
        assertEquals(0, call(batchResult, "exitCode"));
        assertEquals(300_001L, call(batchResult, "stdoutBytes"));
        List<?> artifacts = (List<?>) call(batchResult, "artifacts");
        assertEquals(1, artifacts.size(), "stdout went past the 256 KiB budget: zstd ran in OSGi");
        assertEquals(300_001L, call(artifacts.get(0), "rawBytes"));
        call(artifacts.get(0), "delete");
        assertEquals("done\n", batchSink.text("stderr"));
        assertEquals(256 * 1024, batchSink.text("stdout").length());

        Sink ptySink = new Sink();
        Object size = type("org.mxagent.terminal.api.TerminalSize").getMethod("of", int.class, int.class)
                .invoke(null, 21, 77);
        Object pty = type("org.mxagent.terminal.api.ExecSpec").getConstructor(String.class, List.class, Path.class,
                Map.class, boolean.class, Optional.class, boolean.class).newInstance("inv_osgi_pty",
                List.of("sh", "-c", "stty size; tty"), Path.of("/tmp"), Map.of(), false, Optional.of(size), true);
        Object ptyResult = run(localExec, pty, allowance, ptySink);
        assertEquals(0, call(ptyResult, "exitCode"));
        assertTrue(ptySink.text("pty").contains("21 77"), ptySink.text("pty"));
        assertTrue(ptySink.text("pty").contains("/dev/pts/"), ptySink.text("pty"));

        Object sandboxes = service("org.mxagent.sandbox.api.Sandbox");
        assertNotNull(sandboxes, "the sandbox components registered");
    }

    private Object run(Object localExec, Object spec, Object allowance, Sink sink) throws Exception {
        Class<?> sinkType = type("org.mxagent.terminal.api.OutputSink");
        Object proxy = Proxy.newProxyInstance(sinkType.getClassLoader(), new Class<?>[] {sinkType}, sink);
        Object running = type("org.mxagent.terminal.api.LocalExec").getMethod("start", spec.getClass(),
                allowance.getClass(), sinkType).invoke(localExec, spec, allowance, proxy);
        CompletionStage<?> finished = (CompletionStage<?>) type("org.mxagent.terminal.api.RunningExec")
                .getMethod("onFinished").invoke(running);
        return finished.toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private Object allowance() throws Exception {
        Class<?> type = type("org.mxagent.policy.api.Allowance");
        return type.getConstructors()[0].newInstance(60_000L, OptionalLong.empty(), constant("SandboxKind", "NONE"),
                Optional.empty(), constant("NetworkMode", "DENY"), List.of(), List.of(), List.of(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), constant("SeccompMode", "OFF"),
                false, false, List.of());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object constant(String enumName, String value) throws Exception {
        return Enum.valueOf((Class) type("org.mxagent.policy.api." + enumName), value);
    }

    private Class<?> type(String name) throws ClassNotFoundException {
        return terminal.loadClass(name);
    }

    /**
     * Waits for a service and keeps using it until the framework stops: LocalExec is a delayed component, which SCR
     * deactivates as soon as nobody holds it any more.
     */
    private Object service(String type) throws InterruptedException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(framework.getBundleContext(), type, null);
        tracker.open(true);
        Object service = tracker.waitForService(30_000);
        assertNotNull(service, type + " never registered");
        return service;
    }

    private static Object call(Object target, String method) throws Exception {
        Method m = target.getClass().getMethod(method);
        m.setAccessible(true);
        return m.invoke(target);
    }

    /** Collects chunk bytes per stream name, decoding them with the bundle's own ChunkPayload. */
    private final class Sink implements InvocationHandler {
        private final Map<String, ByteArrayOutputStream> streams = new HashMap<>();

        @Override
        public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "chunk" -> {
                    Object chunk = args[0];
                    Optional<?> bytes = (Optional<?>) type("org.mxagent.terminal.api.stream.ChunkPayload")
                            .getMethod("decode", chunk.getClass()).invoke(null, chunk);
                    String stream = String.valueOf(call(call(chunk, "stream"), "wire"));
                    streams.computeIfAbsent(stream, s -> new ByteArrayOutputStream()).writeBytes((byte[]) bytes.get());
                    return null;
                }
                case "pacer" -> {
                    return InvocationHandler.invokeDefault(proxy, method, args);
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                default -> {
                    return "Sink";
                }
            }
        }

        synchronized String text(String stream) {
            ByteArrayOutputStream out = streams.get(stream);
            return out == null ? "" : out.toString(StandardCharsets.UTF_8);
        }
    }

    /** A jar of the test class path by artifact id (any version): Maven puts every dependency there. */
    private static File jar(String artifactId) {
        Pattern name = Pattern.compile(Pattern.quote(artifactId) + "-\\d[^/]*\\.jar");
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File file = new File(entry);
            if (name.matcher(file.getName()).matches()) {
                return file;
            }
        }
        throw new AssertionError(artifactId + " is not on the test class path");
    }
}
