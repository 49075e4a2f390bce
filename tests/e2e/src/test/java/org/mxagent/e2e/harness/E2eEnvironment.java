package org.mxagent.e2e.harness;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the end-to-end tests need from outside: the dev homeserver's environment variables and the jars built in
 * this working tree. Anything missing fails the test with what to do about it.
 */
public final class E2eEnvironment {
    /** Base URL of the dev homeserver, e.g. http://127.0.0.1:8008 ({@code dev/matrix/homeserver env}). */
    public static final String HOMESERVER = "MX_AGENT_TEST_HOMESERVER";
    /** Synapse's registration_shared_secret ({@code dev/matrix/homeserver env}). */
    public static final String REGISTRATION_SECRET = "MX_AGENT_TEST_REGISTRATION_SECRET";
    /** Set by the module's surefire configuration; otherwise the root is found by walking up from the cwd. */
    public static final String REPO_ROOT_PROPERTY = "mxagent.e2e.repo.root";

    private static volatile Path repoRoot;

    private E2eEnvironment() {}

    public static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            fail("environment variable " + name + " is not set: the end-to-end tests need the dev homeserver. Run "
                    + "`dev/matrix/homeserver up` and `eval \"$(dev/matrix/homeserver env --export)\"` in the shell "
                    + "that runs Maven (dev/test does both)");
        }
        return value.strip();
    }

    /** The mx-agent checkout: the directory holding {@code run/mx-agent.bndrun} and {@code bundles/}. */
    public static Path repoRoot() {
        Path root = repoRoot;
        if (root == null) {
            root = findRepoRoot();
            repoRoot = root;
        }
        return root;
    }

    /** {@code run/target/mx-agent.jar}, the daemon that {@code daemon start} launches. */
    public static Path runtimeJar() {
        Path jar = repoRoot().resolve("run/target/mx-agent.jar");
        if (!Files.isRegularFile(jar)) {
            fail("the runtime jar " + jar + " is missing: " + buildFirst());
        }
        return jar;
    }

    /** The CLI's plain jar, {@code bundles/org.mxagent.cli/target/org.mxagent.cli-*.jar}. */
    public static Path cliJar() {
        return moduleJar("org.mxagent.cli");
    }

    /**
     * A bundle module's built jar in the working tree, {@code bundles/<bsn>/target/<bsn>-*.jar}. It may be newer
     * than the runtime jar (and need newer packages than the runtime has); to update a bundle to the very bits the
     * runtime runs, use {@link AgentRuntime#embeddedBundle}.
     */
    public static Path bundleJar(String symbolicName) {
        return moduleJar(symbolicName);
    }

    /** The java of this test JVM: the CLI (and through it the daemon) run on the same JDK. */
    public static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static Path moduleJar(String module) {
        Path target = repoRoot().resolve("bundles").resolve(module).resolve("target");
        List<Path> jars = List.of();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                jars = files.filter(Files::isRegularFile).filter(f -> {
                    String name = f.getFileName().toString();
                    return name.startsWith(module + "-") && name.endsWith(".jar") && !name.endsWith("-sources.jar")
                            && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar");
                }).sorted().toList();
            } catch (IOException e) {
                fail("cannot list " + target + ": " + e.getMessage());
            }
        }
        if (jars.isEmpty()) {
            fail("no " + module + "-*.jar in " + target + ": " + buildFirst());
        }
        if (jars.size() > 1) {
            fail("more than one " + module + " jar in " + target + " " + jars + ": remove the stale ones or "
                    + "`mvn clean install -DskipTests`");
        }
        return jars.get(0);
    }

    private static String buildFirst() {
        return "run `mvn -B -DskipTests install` in " + repoRoot() + " first";
    }

    private static Path findRepoRoot() {
        String configured = System.getProperty(REPO_ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath().normalize();
            if (!isRepoRoot(dir)) {
                fail(REPO_ROOT_PROPERTY + "=" + configured + " is not the mx-agent checkout (no run/mx-agent.bndrun)");
            }
            return dir;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRepoRoot(dir)) {
                return dir;
            }
        }
        return fail("cannot find the mx-agent checkout above " + Path.of("").toAbsolutePath()
                + " (looked for run/mx-agent.bndrun); set -D" + REPO_ROOT_PROPERTY + "=<checkout>");
    }

    private static boolean isRepoRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("run/mx-agent.bndrun"))
                && Files.isDirectory(dir.resolve("bundles/org.mxagent.cli"));
    }
}
