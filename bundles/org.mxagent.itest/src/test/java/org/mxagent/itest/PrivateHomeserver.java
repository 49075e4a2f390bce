package org.mxagent.itest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;

/**
 * A second, private Synapse beside the shared dev server, run through {@code dev/matrix/homeserver} with its own
 * state directory, port and {@code rc_message} rate limit, so a test can rate-limit and restart it without
 * disturbing anything else. The script's location and the state directory come from test.bndrun's
 * {@code -runproperties}.
 */
final class PrivateHomeserver {

    /** Framework property: path of {@code dev/matrix/homeserver}. */
    static final String SCRIPT_PROPERTY = "mxagent.itest.homeserver.script";

    /** Framework property: state directory of the private server (under the module's target/). */
    static final String STATE_DIR_PROPERTY = "mxagent.itest.private.homeserver.dir";

    /** The port the README suggests for a second server; another free one if that is taken. */
    private static final int PREFERRED_PORT = 8018;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(150);
    private static final Random RANDOM = new Random();

    private final Path script;
    private final Path stateDir;
    private final int port;
    private final String rcMessage;
    private URI url;
    private String registrationSecret;

    private PrivateHomeserver(Path script, Path stateDir, int port, String rcMessage) {
        this.script = script;
        this.stateDir = stateDir;
        this.port = port;
        this.rcMessage = rcMessage;
    }

    /** Where the run properties say, on a free port, with {@code rc_message} = {@code rcMessage}; not started. */
    static PrivateHomeserver configured(BundleContext context, String rcMessage) throws IOException {
        String script = context.getProperty(SCRIPT_PROPERTY);
        String stateDir = context.getProperty(STATE_DIR_PROPERTY);
        if (script == null || stateDir == null) {
            fail("framework properties " + SCRIPT_PROPERTY + " and " + STATE_DIR_PROPERTY
                    + " are not set: they come from -runproperties in bundles/org.mxagent.itest/test.bndrun");
        }
        Path scriptPath = Path.of(script).toAbsolutePath().normalize();
        if (!Files.isExecutable(scriptPath)) {
            fail(SCRIPT_PROPERTY + "=" + scriptPath + " is not an executable file");
        }
        return new PrivateHomeserver(scriptPath, Path.of(stateDir).toAbsolutePath().normalize(), freePort(),
                rcMessage);
    }

    /**
     * (Re)starts it ({@code restart} = down, then up: a server left over from an aborted run in the same state
     * directory is replaced, and the settings always apply) and reads its URL and registration secret.
     */
    void restart() throws IOException, InterruptedException {
        run("restart");
        if (url == null) {
            Map<String, String> env = parseEnv(run("env"));
            url = URI.create(env.get(TestEnvironment.HOMESERVER));
            registrationSecret = env.get(TestEnvironment.REGISTRATION_SECRET);
            if (!url.toString().equals("http://127.0.0.1:" + port) || registrationSecret == null
                    || registrationSecret.isBlank()) {
                fail("unexpected `homeserver env` output for the private server: " + env);
            }
        }
    }

    /** Stops it; not running is fine. */
    void down() throws IOException, InterruptedException {
        run("down");
    }

    /** Stops it and deletes its state directory (database, logs, config, secret). */
    void deleteState() throws IOException, InterruptedException {
        run("reset", "--all");
    }

    URI url() {
        return url;
    }

    String registrationSecret() {
        return registrationSecret;
    }

    String rcMessage() {
        return rcMessage;
    }

    Path stateDir() {
        return stateDir;
    }

    /** How many 429 replies Synapse's access log shows for PUT .../send/... requests of {@code userId}. */
    long rateLimitedSends(String userId) throws IOException {
        Path log = stateDir.resolve("homeserver.log");
        String who = "{" + userId + "} Processed request:";
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(who) && line.contains(" 429 \"PUT ") && line.contains("/send/"))
                    .count();
        }
    }

    /** Runs the dev script with this server's environment; returns its stdout, fails the test on exit != 0. */
    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        Files.createDirectories(stateDir.getParent());
        String name = stateDir.getFileName() + "-" + args[0];
        Path out = stateDir.resolveSibling(name + ".out");
        Path err = stateDir.resolveSibling(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.put("MX_AGENT_HOMESERVER_DIR", stateDir.toString());
        env.put("MX_AGENT_HOMESERVER_PORT", Integer.toString(port));
        env.put("MX_AGENT_HOMESERVER_RC_MESSAGE", rcMessage);
        env.put("MX_AGENT_HOMESERVER_LOG_LEVEL", "INFO"); // rateLimitedSends reads the access log
        env.remove("MX_AGENT_HOMESERVER_EXTRA_CONFIG");
        Process process = builder.start();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT.toSeconds() + " s; "
                    + Files.readString(err));
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            fail("`homeserver " + String.join(" ", args) + "` (MX_AGENT_HOMESERVER_DIR=" + stateDir
                    + ", MX_AGENT_HOMESERVER_PORT=" + port + ") exited with " + process.exitValue() + ":\n" + stdout
                    + stderr);
        }
        if (!args[0].equals("env")) {
            stdout.lines().forEach(line -> System.out.println("private homeserver: " + line));
        }
        return stdout;
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

    /** 8018 if free, else a free one outside the ephemeral range (which outgoing connections draw from). */
    private static int freePort() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        int port = PREFERRED_PORT;
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(loopback, port));
                return port;
            } catch (IOException taken) {
                port = 20000 + RANDOM.nextInt(10000);
            }
        }
        throw new IOException("no free port found on 127.0.0.1 for the private homeserver");
    }

    @Override
    public String toString() {
        return "PrivateHomeserver[" + (url == null ? "port " + port : url) + ", rc_message " + rcMessage + ", "
                + stateDir + "]";
    }
}
