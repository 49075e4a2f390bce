package org.mxagent.e2e.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * A Synapse of a test's own, beside the shared dev server, so the test may stop and restart it: run through
 * {@code dev/matrix/homeserver} (the venv that script installs is reused) with its own port and state directory
 * under {@code tests/e2e/target/}. Registered as a static extension it starts before the class's first test and
 * stops after its last, failed or not (a JVM that exits anyway stops it from a shutdown hook):
 *
 * <pre>
 * &#64;RegisterExtension
 * static final PrivateHomeserver SERVER = new PrivateHomeserver(8028);
 * &#64;RegisterExtension
 * final E2e e2e = new E2e(SERVER::homeserver);
 * </pre>
 */
public final class PrivateHomeserver implements BeforeAllCallback, AfterAllCallback {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(150);

    private final int port;
    private Path script;
    private Path stateDir;
    private volatile Homeserver homeserver;
    private Thread shutdownHook;

    public PrivateHomeserver(int port) {
        if (port == 8008) {
            throw new IllegalArgumentException("8008 is the shared dev homeserver: a private one needs its own port");
        }
        this.port = port;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        script = E2eEnvironment.repoRoot().resolve("dev/matrix/homeserver");
        if (!Files.isExecutable(script)) {
            throw new AssertionFailedError(script + " is not an executable file");
        }
        stateDir = E2eEnvironment.repoRoot().resolve("tests/e2e/target/private-homeserver-" + port);
        requirePortFreeOrOurs();
        shutdownHook = new Thread(this::downQuietly, "mx-agent e2e: stop private homeserver " + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        // restart = down, then up: a server left in this state dir by an aborted run is replaced.
        run("restart");
        Map<String, String> env = parseEnv(run("env"));
        String url = env.get(E2eEnvironment.HOMESERVER);
        String secret = env.get(E2eEnvironment.REGISTRATION_SECRET);
        if (!("http://127.0.0.1:" + port).equals(url) || secret == null || secret.isBlank()) {
            throw new AssertionFailedError("unexpected `homeserver env` output for the private server: " + env);
        }
        homeserver = new Homeserver(URI.create(url), secret);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            stop();
        } finally {
            if (shutdownHook != null) {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
        }
    }

    /** The running server seen from outside (registration by shared secret, plain HTTP calls). */
    public Homeserver homeserver() {
        Homeserver current = homeserver;
        if (current == null) {
            throw new AssertionFailedError("the private homeserver on port " + port + " is not started: register "
                    + "it as a static @RegisterExtension");
        }
        return current;
    }

    public int port() {
        return port;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Stops it (SIGTERM, SIGKILL after the script's grace); not running is fine. */
    public void stop() {
        run("down");
    }

    /** Starts it again on the same port and state (database, signing key, secret); returns when it answers. */
    public void start() {
        run("up");
    }

    private void downQuietly() {
        try {
            run("down");
        } catch (RuntimeException | Error e) {
            System.err.println("could not stop the private homeserver on port " + port + ": " + e.getMessage());
        }
    }

    /** A foreign process on the port would make the test talk to the wrong server; a leftover of ours is fine. */
    private void requirePortFreeOrOurs() {
        Path portFile = stateDir.resolve("homeserver.port");
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        } catch (IOException taken) {
            if (!Files.isRegularFile(portFile)) {
                throw new AssertionFailedError("port " + port + " on 127.0.0.1 is taken by something other than this "
                        + "test's private homeserver (" + stateDir + "): " + taken.getMessage());
            }
        }
    }

    /** Runs the dev script for this server; returns its stdout; fails the test on exit != 0 or a hang. */
    private String run(String command) {
        List<String> line = new ArrayList<>(List.of(script.toString(), command));
        try {
            Files.createDirectories(stateDir.getParent());
            Path out = stateDir.resolveSibling(stateDir.getFileName() + "-" + command + ".out");
            Path err = stateDir.resolveSibling(stateDir.getFileName() + "-" + command + ".err");
            ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(key -> key.startsWith("MX_AGENT_HOMESERVER_"));
            env.put("MX_AGENT_HOMESERVER_DIR", stateDir.toString());
            env.put("MX_AGENT_HOMESERVER_PORT", Integer.toString(port));
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionFailedError(String.join(" ", line) + " did not finish within "
                        + COMMAND_TIMEOUT.toSeconds() + " s: " + Files.readString(err));
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionFailedError("`homeserver " + command + "` (MX_AGENT_HOMESERVER_DIR=" + stateDir
                        + ", MX_AGENT_HOMESERVER_PORT=" + port + ") exited with " + process.exitValue() + ":\n"
                        + stdout + Files.readString(err, StandardCharsets.UTF_8));
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + line, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while running " + line, e);
        }
    }

    private static Map<String, String> parseEnv(String output) {
        Map<String, String> env = new HashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq).replaceFirst("^export ", "").trim(), line.substring(eq + 1).trim());
            }
        }
        return env;
    }

    @Override
    public String toString() {
        return "PrivateHomeserver[127.0.0.1:" + port + ", " + stateDir + "]";
    }
}
