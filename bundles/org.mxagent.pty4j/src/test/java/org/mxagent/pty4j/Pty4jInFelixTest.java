package org.mxagent.pty4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/**
 * The wrapper inside a real Felix: installed exploded from target/classes next to the JNA, jna-platform and log API
 * bundles, it resolves, starts, and pty4j loaded through the bundle's class loader runs a child in a PTY.
 */
class Pty4jInFelixTest {
    @TempDir
    Path storage;
    private Framework framework;

    @BeforeEach
    void startFelix() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = new FrameworkFactory().newFramework(config);
        framework.start();
    }

    @AfterEach
    void stopFelix() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    @Timeout(60)
    void resolvesStartsAndRunsAPtyChild() throws Exception {
        List<Bundle> bundles = new ArrayList<>();
        for (String jar : new String[] {"jna-5.19.1.jar", "jna-platform-5.19.1.jar", "org.osgi.service.log-1.5.0.jar"}) {
            bundles.add(framework.getBundleContext().installBundle(classPathEntry(jar).toURI().toString()));
        }
        Bundle wrapper = framework.getBundleContext()
                .installBundle("reference:" + new File("target/classes").getAbsoluteFile().toURI());
        bundles.add(wrapper);
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        assertEquals(Bundle.ACTIVE, wrapper.getState());
        assertEquals("0.13.12", wrapper.getVersion().toString());

        Class<?> builderType = wrapper.loadClass("com.pty4j.PtyProcessBuilder");
        assertEquals(wrapper, org.osgi.framework.FrameworkUtil.getBundle(builderType));
        Object builder = builderType.getConstructor(String[].class)
                .newInstance((Object) new String[] {"/bin/sh", "-c", "tty; echo in-osgi"});
        builderType.getMethod("setEnvironment", Map.class).invoke(builder, Map.of("PATH", "/usr/bin:/bin"));
        Process process = (Process) builderType.getMethod("start").invoke(builder);

        String output = PtyProcessTest.readAll(process);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertTrue(output.contains("/dev/pts/"), output);
        assertTrue(output.contains("in-osgi"), output);

        // The private slf4j copy found the bundle's own provider without SPI Fly.
        Object loggers = wrapper.loadClass("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
        assertEquals("org.mxagent.pty4j.logging.BridgeLoggerFactory", loggers.getClass().getName());
        assertEquals(wrapper, org.osgi.framework.FrameworkUtil.getBundle(loggers.getClass()));
    }

    /** A jar of the test class path by file name (Maven puts every dependency there). */
    private static File classPathEntry(String fileName) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(File.separator + fileName)) {
                return new File(entry);
            }
        }
        throw new AssertionError(fileName + " is not on the test class path");
    }
}
