package org.mxagent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code device list | show | verify}: what goes to the daemon, what is printed, the answer, usage errors. */
class DeviceCommandsTest {
    static final String BOB = "@bob:localhost";
    static final String KEY = "ijnfsDnBKHfyFsQB8V+YSmt9Y8Jghyo69Oo2fCHpYhA";

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void runner() {
        cli = new CliRunner(dir);
    }

    @AfterEach
    void close() throws IOException {
        cli.close();
    }

    static Map<String, Object> device(boolean verified) {
        Map<String, Object> device = new LinkedHashMap<>();
        device.put("user_id", BOB);
        device.put("device_id", "BOBDEV");
        device.put("ed25519", KEY);
        device.put("curve25519", "curve");
        device.put("verified", verified);
        device.put("own", false);
        return device;
    }

    static Map<String, Object> verification(String state, boolean sas) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("transaction_id", "txn1");
        v.put("user_id", BOB);
        v.put("device_id", "BOBDEV");
        v.put("we_started", true);
        v.put("state", state);
        if (sas) {
            v.put("emoji", List.of(Map.of("number", 1, "emoji", "🐱", "description", "Cat")));
            v.put("decimals", List.of(1234, 5678, 4321));
        }
        return v;
    }

    @Test
    void listShowsFingerprintsInGroupsOfFour() throws IOException {
        cli.daemon().on("device.list", (params, call) -> Map.of("devices", List.of(device(false))));
        assertEquals(0, cli.run("device", "list", BOB));
        assertEquals(Map.of("user_id", BOB), cli.onlyParams());
        assertTrue(cli.stdout.contains("BOBDEV  ijnf sDnB KHfy FsQB 8V+Y Smt9 Y8Jg hyo6 9Oo2 fCHp YhA  NOT verified"),
                cli.stdout);
        assertEquals(0, cli.run("--json", "device", "list"));
        assertTrue(cli.stdout.startsWith("{\"devices\":[{"), cli.stdout);
    }

    @Test
    void showPrintsTheDeviceAndAnUnknownOneExits3() throws IOException {
        cli.daemon().on("device.show", (params, call) -> {
            if (!"BOBDEV".equals(params.get("device_id"))) {
                throw new FakeDaemon.Failure(-32000, "unknown device NOPE of " + BOB, 1, Map.of());
            }
            return device(true);
        });
        assertEquals(0, cli.run("device", "show", BOB, "BOBDEV"));
        assertTrue(cli.stdout.contains("fingerprint   ijnf sDnB"), cli.stdout);
        assertTrue(cli.stdout.contains("verified      yes"), cli.stdout);
        assertEquals(3, cli.run("device", "show", BOB, "NOPE"));
        assertTrue(cli.stderr.contains("unknown device NOPE"), cli.stderr);
    }

    @Test
    void usageErrorsExit64BeforeAskingTheDaemon() throws IOException {
        cli.daemon();
        assertEquals(64, cli.run("device", "show", BOB));
        assertEquals(64, cli.run("device", "list", "bob"));
        assertTrue(cli.stderr.contains("not a Matrix user id"), cli.stderr);
        assertEquals(64, cli.run("device", "verify", BOB));
        assertEquals(64, cli.run("device", "verify", "--confirm", "a", "--cancel", "b"));
        assertEquals(64, cli.run("device", "verify", "--accept", "a", BOB, "BOBDEV"));
        assertEquals(64, cli.run("device", "verify", "--direct"));
        assertTrue(cli.nothingSent());
    }

    @Test
    void verifyShowsTheSasAndConfirmsOnYes() throws IOException {
        cli.daemon().on("device.verify.start", (params, call) -> {
            try {
                call.stream(verification("REQUESTED", false));
                call.stream(verification("KEYS_EXCHANGED", true));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return verification("KEYS_EXCHANGED", true);
        }).on("device.verify.confirm", (params, call) -> verification("DONE", false));
        assertEquals(0, cli.runWithInput("y\n".getBytes(StandardCharsets.UTF_8), "device", "verify", BOB,
                "BOBDEV"));
        assertEquals(List.of(Map.of("user_id", BOB, "device_id", "BOBDEV", "request", true),
                Map.of("transaction_id", "txn1")), cli.params());
        assertTrue(cli.stdout.contains("decimals: 1234 5678 4321"), cli.stdout);
        assertTrue(cli.stdout.contains("🐱 Cat"), cli.stdout);
        assertTrue(cli.stdout.endsWith("[y/N] verified @bob:localhost BOBDEV\n"), cli.stdout);
    }

    @Test
    void anythingButYesCancelsAsMismatchAndNoAnswerLeavesItOpen() throws IOException {
        cli.daemon().on("device.verify.start", (params, call) -> verification("KEYS_EXCHANGED", true))
                .on("device.verify.cancel", (params, call) -> verification("CANCELLED", false));
        assertEquals(1, cli.runWithInput("n\n".getBytes(StandardCharsets.UTF_8), "device", "verify", "--accept",
                "txn1"));
        assertEquals(Map.of("transaction_id", "txn1", "mismatch", true), cli.params().get(1));
        assertEquals(0, cli.run("device", "verify", BOB, "BOBDEV", "--direct"));
        assertEquals(Map.of("user_id", BOB, "device_id", "BOBDEV", "request", false), cli.params().get(2));
        assertTrue(cli.stdout.contains("left open: mx-agent device verify --confirm txn1"), cli.stdout);
        assertEquals(3, cli.params().size(), "no answer: nothing confirmed or cancelled");
    }

    @Test
    void noSasInTimeExits1WithTheHint() throws IOException {
        cli.daemon().on("device.verify.start", (params, call) -> verification("REQUESTED", false));
        assertEquals(1, cli.run("device", "verify", BOB, "BOBDEV"));
        assertTrue(cli.stderr.contains("the other device must accept: mx-agent device verify --accept txn1"),
                cli.stderr);
    }
}
