package org.mxagent.daemon.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/** The DS component's own duties, exercised by constructing it directly: status file, lock, method binding. */
class IpcServerTest {
    @TempDir
    Path dir;

    private final RuntimeDirectories directories = new RuntimeDirectories() {
        @Override
        public Path dataDir() {
            return dir.resolve("data");
        }

        @Override
        public Path configDir() {
            return dir.resolve("config");
        }

        @Override
        public Path runtimeDir() {
            return dir;
        }
    };

    @Test
    void announcesItselfServesBoundMethodsAndCleansUp() throws IOException {
        IpcServer server = new IpcServer(config(), directories, bundleContext("1.2.3"));
        try {
            Path status = dir.resolve("daemon.json");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(status)));
            JsonNode json = JsonRpc.MAPPER.readTree(status.toFile());
            assertEquals(ProcessHandle.current().pid(), json.get("pid").asLong());
            assertEquals(dir.resolve("daemon.sock").toString(), json.get("socket").asText());
            assertEquals(dir.resolve("daemon.log").toString(), json.get("log").asText());
            assertEquals("1.2.3", json.get("version").asText());
            assertTrue(json.get("started_at").asText().endsWith("Z"));

            IpcMethod hello = (params, call) -> TextNode.valueOf("hello");
            Map<String, Object> properties = Map.of(IpcMethod.METHOD, "test.hello", "service.id", 1L);
            server.addMethod(hello, properties);
            try (TestClient client = TestClient.connect(dir.resolve("daemon.sock"))) {
                assertEquals("hello", client.call("test.hello", null).get("result").asText());
                server.removeMethod(hello, properties);
                assertEquals(-32601, client.call("test.hello", null).get("error").get("code").asInt(),
                        "an unregistered method is gone at once");
            }

            IOException second = assertThrows(IOException.class,
                    () -> new IpcServer(config(), directories, bundleContext("1.2.3")));
            assertTrue(second.getMessage().contains("already runs a daemon"), second.getMessage());
            assertTrue(Files.exists(status), "the refused second server left the first one's files alone");
        } finally {
            server.deactivate();
        }
        assertFalse(Files.exists(dir.resolve("daemon.json")));
        assertFalse(Files.exists(dir.resolve("daemon.sock")));
    }

    private static IpcServer.Config config() {
        return new IpcServer.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IpcServer.Config.class;
            }

            @Override
            public int call_timeout_seconds() {
                return 60;
            }

            @Override
            public int max_connections() {
                return 4;
            }
        };
    }

    /** Just enough of a BundleContext: the daemon asks only for its bundle's version. */
    private static BundleContext bundleContext(String version) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(IpcServerTest.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getVersion")) {
                        return Version.parseVersion(version);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(IpcServerTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBundle") && (args == null || args.length == 0)) {
                        return bundle;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
