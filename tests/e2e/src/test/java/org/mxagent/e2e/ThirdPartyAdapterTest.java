package org.mxagent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mxagent.e2e.harness.AgentRuntime;
import org.mxagent.e2e.harness.CliResult;
import org.mxagent.e2e.harness.E2e;
import org.mxagent.e2e.harness.E2eEnvironment;
import org.mxagent.e2e.harness.Eventually;

/**
 * The third-party example examples/adapter-hello, built on its own against the published adapter SPI only, is
 * installed into bob's running daemon through {@code mx-agent shell -c 'install file:…'} and started: bob's agent
 * advertises {@code adapter:hello}, a task alice assigns to it with that adapter completes, and after
 * {@code uninstall} the capability is gone, the bundle is gone, a new hello task fails with a clear reason, and it
 * is all the same daemon process.
 */
@Timeout(240)
class ThirdPartyAdapterTest {
    private static final Pattern CREATED = Pattern.compile("created (task_\\w+) \\(pending\\)");
    private static final String BSN = "com.example.adapter.hello";

    @RegisterExtension
    final E2e e2e = new E2e();

    @Test
    void exampleAdapterIsInstalledUsedAndRemovedWithoutRestart() throws Exception {
        Path jar = buildExample();
        ExecPair pair = ExecPair.create(e2e); // bob trusts alice's key; bob's policy allows alice `echo` in work
        SharedWorkspace ws = pair.ws;
        AgentRuntime bob = pair.bob();
        OptionalLong daemon = bob.daemonJsonPid();
        assertTrue(daemon.isPresent(), "bob's daemon pid");

        bob.shell("install file:" + jar).assertSuccess();
        long id = bob.bundleId(BSN);
        bob.shell("start " + id).assertSuccess();
        assertEquals("Active", bob.bundle(BSN).state());
        Eventually.await("bob's adapter:list shows hello", () -> bob.shell("adapter:list").out(),
                out -> out.lines().anyMatch(l -> l.startsWith("hello") && l.contains(BSN) && l.contains(" installed ")));
        Eventually.await("alice sees bob's agent advertise adapter:hello", () -> capabilities(pair), caps -> caps
                .contains("adapter:hello"));

        String task = created(pair.alice().shell("adapter:task --room " + ws.roomId() + " --assign " + ws.bobAgent()
                + " --cwd " + pair.work() + " hello World"));
        JsonNode done = finished(pair, task);
        assertEquals("succeeded", done.path("state").asText(), done::toString);
        assertEquals("Hello, World!", done.path("result").path("summary").asText(), done::toString);
        assertEquals(ws.bobAgent(), done.path("result").path("completed_by").asText(), done::toString);

        bob.shell("uninstall " + id).assertSuccess();
        assertTrue(bob.bundles().stream().noneMatch(row -> row.name().equals(BSN)), "the bundle is gone");
        assertFalse(bob.shell("adapter:list").out().lines().anyMatch(l -> l.startsWith("hello")),
                "the runner forgot the adapter");
        Eventually.await("alice sees bob's agent without adapter:hello", () -> capabilities(pair),
                caps -> !caps.contains("adapter:hello") && caps.contains("adapter:shell"));

        String orphan = created(pair.alice().shell("adapter:task --room " + ws.roomId() + " --assign "
                + ws.bobAgent() + " --cwd " + pair.work() + " hello again"));
        JsonNode refused = finished(pair, orphan);
        assertEquals("failed", refused.path("state").asText(), refused::toString);
        assertEquals("dispatch_failed", refused.path("result").path("reason").asText(), refused::toString);
        assertTrue(refused.path("result").path("summary").asText().contains("no adapter named 'hello'"),
                refused::toString);

        assertEquals(daemon, bob.daemonJsonPid(), "no restart: the same daemon process");
        assertEquals(List.of(daemon.getAsLong()), bob.daemonProcesses(), "one daemon, the same one");
    }

    /** {@code mvn package} of the example, offline, against the SPI this tree installed: the published artifact. */
    private static Path buildExample() throws IOException, InterruptedException {
        Path project = E2eEnvironment.repoRoot().resolve("examples/adapter-hello");
        String repo = System.getProperty("mxagent.e2e.maven.repo", System.getProperty("user.home") + "/.m2/repository");
        Process mvn = new ProcessBuilder("mvn", "-o", "-B", "-q", "-ntp", "-f", project.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + repo, "package").redirectErrorStream(true).start();
        String output = new String(mvn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(mvn.waitFor(180, TimeUnit.SECONDS), "the example's build did not end");
        assertEquals(0, mvn.exitValue(), "building examples/adapter-hello failed (it needs the released SPI "
                + "1.0.0, which the SPI module's build installs: mvn install): " + output);
        Path jar = project.resolve("target/adapter-hello-1.0.0.jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            String imports = file.getManifest().getMainAttributes().getValue("Import-Package");
            List<String> packages = Arrays.stream(imports.split(",(?=[a-z])")).map(p -> p.split(";")[0])
                    .filter(p -> !p.startsWith("java.")).toList();
            assertEquals(List.of("org.mxagent.adapter.spi"), packages, "imports java.* and the SPI only: " + imports);
            assertTrue(imports.contains("version=\"[1.0,2)\""), imports);
        }
        return jar;
    }

    private static List<String> capabilities(ExecPair pair) {
        JsonNode listing = pair.alice().jsonCli("agent", "list", "--room", pair.room());
        return SharedWorkspace.agent(listing, pair.ws.bobAgent())
                .map(agent -> StreamSupport.stream(agent.path("capabilities").spliterator(), false)
                        .map(JsonNode::asText).toList()).orElse(List.of());
    }

    private static String created(CliResult result) {
        Matcher m = CREATED.matcher(result.assertSuccess().stdout());
        assertTrue(m.find(), result::toString);
        return m.group(1);
    }

    private JsonNode finished(ExecPair pair, String taskId) {
        return Eventually.within(Duration.ofSeconds(60)).every(Duration.ofMillis(300)).until("task " + taskId
                + " finished", () -> e2e.homeserver().call("GET", "/_matrix/client/v3/rooms/" + URLEncoder.encode(
                        pair.room(), StandardCharsets.UTF_8) + "/state/com.mxagent.task.v1/" + taskId,
                        pair.ws.aliceUser().accessToken(), null),
                t -> t.path("state").asText().matches("succeeded|failed|cancelled"));
    }
}
