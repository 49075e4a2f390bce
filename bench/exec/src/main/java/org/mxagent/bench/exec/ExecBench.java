package org.mxagent.bench.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Remote-exec figures, measured side by side in one run against two live runtimes (alice requests, bob executes,
 * set up by dev/demo-exec) and the dev homeserver:
 * <ol>
 * <li>the raw Matrix two-hop floor ({@link MatrixFloor});</li>
 * <li>exec first output: {@code exec.start} sent to alice's daemon → first stdout byte back, batch (250 ms flush)
 *     and interactive (stdin open: 50 ms flush), and its ratio to the floor; and a whole {@code true} round trip;</li>
 * <li>PTY keystroke → echo: one byte as a signed {@code exec.stdin} → the remote PTY's echo back;</li>
 * <li>bulk: a remote {@code cat} of a 50 MB file (text and random bytes): MB/s, timeline chunks, artifact;</li>
 * <li>CLI overhead: {@code mx-agent exec -- true} as a process vs the same exec over the socket directly;</li>
 * <li>E2EE: first output and the whole exec in the plaintext and the encrypted workspace, interleaved sample by
 *     sample so both see the same load, and their ratio.</li>
 * </ol>
 * {@code -Dbench.only=e2ee} runs only the last one.
 */
public final class ExecBench {
    private final int samples = Integer.getInteger("bench.samples", 30);
    private final int bulkMb = Integer.getInteger("bench.bulk.mb", 50);
    private final String only = System.getProperty("bench.only", "");
    private final Path demo = Path.of(System.getProperty("bench.demo", ".demo"));
    private final Path cli = Path.of(System.getProperty("bench.cli", "mx-agent"));
    private final Map<String, String> setup;
    private final Path socket;

    private ExecBench() throws IOException {
        this.setup = readEnv(Path.of(System.getProperty("bench.env", ".demo/exec.env")));
        this.socket = demo.resolve("alice/run/daemon.sock");
    }

    public static void main(String[] args) throws Exception {
        new ExecBench().run();
    }

    private void run() throws Exception {
        String homeserver = require("MX_AGENT_TEST_HOMESERVER");
        System.out.printf(Locale.ROOT, "bench/exec: %d samples per latency, %d MB bulk, room %s, target %s;"
                + " encrypted room %s, target %s%n%n", samples, bulkMb, setup.get("ROOM"), setup.get("BOB_AGENT"),
                setup.get("E2EE_ROOM"), setup.get("E2EE_BOB_AGENT"));
        if (only.equals("e2ee")) {
            e2ee();
            return;
        }
        Stats floor = new MatrixFloor(URI.create(homeserver), require("MX_AGENT_TEST_REGISTRATION_SECRET"))
                .measure(samples);
        Stats batch = firstOutput(false);
        Stats interactive = firstOutput(true);
        Stats roundTrip = wholeExec();
        Stats echo = ptyEcho();
        System.out.println("(1) Matrix two-hop floor (send → other's sync → reply → own sync)");
        System.out.println("    " + floor.summary());
        System.out.println("(2) exec first output (exec.start → first stdout byte at the requester)");
        System.out.println("    batch (250 ms flush)      " + batch.summary() + ratio(batch, floor));
        System.out.println("    interactive (50 ms flush) " + interactive.summary() + ratio(interactive, floor));
        System.out.println("    whole exec of `true` (exec.start → final result) " + roundTrip.summary()
                + ratio(roundTrip, floor));
        System.out.println("(3) PTY keystroke → echo");
        System.out.println("    " + echo.summary() + ratio(echo, floor));
        System.out.println("(4) bulk: remote cat of " + bulkMb + " MB");
        bulk("text (seq)", textFile());
        bulk("random bytes", randomFile());
        System.out.println("(5) CLI overhead");
        cliOverhead();
        e2ee();
    }

    private ObjectNode execParams(List<String> argv) {
        return execParams(setup.get("ROOM"), setup.get("BOB_AGENT"), argv);
    }

    private ObjectNode execParams(String room, String agent, List<String> argv) {
        ObjectNode params = Ipc.JSON.createObjectNode().put("room", room).put("agent", agent)
                .put("cwd", setup.get("WORK"));
        argv.forEach(params.putArray("argv")::add);
        return params;
    }

    /**
     * Exec in the plaintext workspace and in the encrypted one, alternating which goes first, so that both see
     * the same load on a shared machine: first output ({@code echo x}, batch) and the whole exec of {@code true}.
     * The encrypted path adds Megolm encryption of every event sent (request, accepted, chunk, finished; a new
     * room key is shared over Olm when the outbound session rotates) and decryption at each sync.
     */
    private void e2ee() throws IOException {
        Stats[] first = {new Stats(), new Stats()};
        Stats[] whole = {new Stats(), new Stats()};
        String[][] targets = {{setup.get("ROOM"), setup.get("BOB_AGENT")},
            {setup.get("E2EE_ROOM"), setup.get("E2EE_BOB_AGENT")}};
        try (Ipc ipc = new Ipc(socket)) {
            for (int i = 0; i < samples + 2; i++) {
                for (int k = 0; k < 2; k++) {
                    int which = (i + k) % 2;
                    long started = System.nanoTime();
                    long[] seen = {0};
                    check(ipc.exec(execParams(targets[which][0], targets[which][1], List.of("echo", "x")), frame -> {
                        if (seen[0] == 0 && "stdout".equals(frame.path("stream").asText())) {
                            seen[0] = System.nanoTime();
                        }
                    }), 0);
                    long firstNanos = seen[0] - started;
                    started = System.nanoTime();
                    check(ipc.exec(execParams(targets[which][0], targets[which][1], List.of("true")), frame -> { }),
                            0);
                    if (i >= 2) {
                        first[which].add(firstNanos);
                        whole[which].add(System.nanoTime() - started);
                    }
                }
            }
        }
        System.out.println("(6) E2EE: plaintext vs encrypted workspace, interleaved");
        System.out.println("    first output, plaintext  " + first[0].summary());
        System.out.println("    first output, encrypted  " + first[1].summary());
        System.out.println("    whole exec, plaintext    " + whole[0].summary());
        System.out.println("    whole exec, encrypted    " + whole[1].summary());
        System.out.printf(Locale.ROOT, "    encrypted / plaintext: first output p50 %.2fx p99 %.2fx (+%.1f ms p50);"
                + " whole exec p50 %.2fx p99 %.2fx%n", first[1].p(50) / first[0].p(50),
                first[1].p(99) / first[0].p(99), first[1].p(50) - first[0].p(50), whole[1].p(50) / whole[0].p(50),
                whole[1].p(99) / whole[0].p(99));
    }

    private Stats firstOutput(boolean interactive) throws IOException {
        Stats stats = new Stats();
        try (Ipc ipc = new Ipc(socket)) {
            for (int i = 0; i < samples + 2; i++) {
                long started = System.nanoTime();
                long[] first = {0};
                JsonNode result = ipc.exec(execParams(List.of("echo", "x")).put("stdin", interactive), frame -> {
                    if (first[0] == 0 && "stdout".equals(frame.path("stream").asText())) {
                        first[0] = System.nanoTime();
                    }
                });
                check(result, 0);
                if (i >= 2) {
                    stats.add(first[0] - started);
                }
            }
        }
        return stats;
    }

    private Stats wholeExec() throws IOException {
        Stats stats = new Stats();
        try (Ipc ipc = new Ipc(socket)) {
            for (int i = 0; i < samples + 2; i++) {
                long started = System.nanoTime();
                check(ipc.exec(execParams(List.of("true")), frame -> { }), 0);
                if (i >= 2) {
                    stats.add(System.nanoTime() - started);
                }
            }
        }
        return stats;
    }

    private record Timed(long nanos, JsonNode frame) {}

    private Stats ptyEcho() throws Exception {
        BlockingQueue<Timed> frames = new LinkedBlockingQueue<>();
        JsonNode[] result = new JsonNode[1];
        Thread reader = new Thread(() -> {
            try (Ipc ipc = new Ipc(socket)) {
                result[0] = ipc.exec(execParams(List.of("cat")).put("pty", true).put("stdin", true),
                        frame -> frames.add(new Timed(System.nanoTime(), frame)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "bench pty reader");
        reader.setDaemon(true);
        reader.start();
        String invocation = null;
        for (Timed timed = poll(frames); invocation == null || !"accepted".equals(timed.frame().path("event")
                .asText()); timed = poll(frames)) {
            if ("started".equals(timed.frame().path("event").asText())) {
                invocation = timed.frame().path("invocation_id").asText();
            }
        }
        Stats stats = new Stats();
        try (Ipc control = new Ipc(socket)) {
            for (int i = 0; i < samples + 2; i++) {
                char key = (char) ('a' + i % 26);
                long started = System.nanoTime();
                control.call("exec.stdin", Ipc.JSON.createObjectNode().put("invocation_id", invocation)
                        .put("data_base64", Base64.getEncoder().encodeToString(new byte[] {(byte) key})));
                long seen = 0;
                while (seen == 0) {
                    Timed timed = poll(frames);
                    String data = timed.frame().path("data_base64").asText("");
                    if (new String(Base64.getDecoder().decode(data), StandardCharsets.ISO_8859_1).indexOf(key) >= 0) {
                        seen = timed.nanos();
                    }
                }
                if (i >= 2) {
                    stats.add(seen - started);
                }
            }
            // End the line, then ^D on the empty line: cat sees EOF and the run ends.
            control.call("exec.stdin", Ipc.JSON.createObjectNode().put("invocation_id", invocation)
                    .put("data_base64", Base64.getEncoder().encodeToString(new byte[] {'\n', 4})));
            reader.join(TimeUnit.SECONDS.toMillis(30));
            if (reader.isAlive()) {
                control.call("exec.cancel", Ipc.JSON.createObjectNode().put("invocation_id", invocation));
            }
        }
        return stats;
    }

    private static Timed poll(BlockingQueue<Timed> frames) throws InterruptedException {
        Timed timed = frames.poll(30, TimeUnit.SECONDS);
        if (timed == null) {
            throw new IllegalStateException("no frame within 30 s");
        }
        return timed;
    }

    private void bulk(String label, Path file) throws IOException {
        long[] bytes = {0};
        long[] frames = {0};
        long started = System.nanoTime();
        JsonNode result;
        try (Ipc ipc = new Ipc(socket)) {
            result = ipc.exec(execParams(List.of("cat", file.toString())), frame -> {
                String data = frame.path("data_base64").asText(null);
                if (data != null) {
                    bytes[0] += Base64.getDecoder().decode(data).length;
                    frames[0]++;
                }
            });
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        check(result, 0);
        JsonNode integrity = result.path("integrity");
        JsonNode artifacts = result.path("artifacts");
        System.out.printf(Locale.ROOT, "    %-13s %6.1f MB in %5.2f s = %6.1f MB/s; %d timeline chunks (%d KiB), "
                + "artifact: %s%n", label, bytes[0] / 1e6, seconds, bytes[0] / 1e6 / seconds,
                integrity.path("delivered_chunks").asLong(), integrity.path("delivered_bytes").asLong() / 1024,
                artifacts.isEmpty() ? "none" : artifacts.get(0).path("raw_bytes").asLong() / 1_000_000 + " MB raw, "
                        + (artifacts.get(0).path("verified").asBoolean() ? "sha256 verified" : "NOT verified"));
        if (bytes[0] != Files.size(file)) {
            throw new IllegalStateException("received " + bytes[0] + " bytes of " + Files.size(file));
        }
    }

    private Path textFile() throws IOException {
        Path file = Path.of(setup.get("WORK")).resolve("bench-text-" + bulkMb + "m.txt");
        if (!Files.exists(file) || Files.size(file) != bulkMb * 1_000_000L) {
            try (OutputStream out = Files.newOutputStream(file)) {
                StringBuilder line = new StringBuilder();
                long written = 0;
                for (long n = 1; written < bulkMb * 1_000_000L; n++) {
                    line.setLength(0);
                    line.append(n).append('\n');
                    byte[] b = line.toString().getBytes(StandardCharsets.US_ASCII);
                    int take = (int) Math.min(b.length, bulkMb * 1_000_000L - written);
                    out.write(b, 0, take);
                    written += take;
                }
            }
        }
        return file;
    }

    private Path randomFile() throws IOException {
        Path file = Path.of(setup.get("WORK")).resolve("bench-random-" + bulkMb + "m.bin");
        if (!Files.exists(file) || Files.size(file) != bulkMb * 1_000_000L) {
            byte[] block = new byte[1_000_000];
            SecureRandom random = new SecureRandom();
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int i = 0; i < bulkMb; i++) {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
        }
        return file;
    }

    private void cliOverhead() throws IOException, InterruptedException {
        Stats viaCli = new Stats();
        Stats version = new Stats();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("MX_AGENT_DATA_DIR", demo.resolve("alice/data").toString());
        env.put("MX_AGENT_CONFIG_DIR", demo.resolve("alice/config").toString());
        env.put("MX_AGENT_RUNTIME_DIR", demo.resolve("alice/run").toString());
        List<String> exec = List.of(cli.toString(), "exec", "--room", setup.get("ROOM"), "--agent",
                setup.get("BOB_AGENT"), "--cwd", setup.get("WORK"), "--", "true");
        Stats direct = new Stats();
        // Interleaved, so both sides see the same load on a shared machine.
        try (Ipc ipc = new Ipc(socket)) {
            for (int i = 0; i < Math.max(5, samples / 2) + 1; i++) {
                long started = System.nanoTime();
                run(exec, env);
                long cliNanos = System.nanoTime() - started;
                started = System.nanoTime();
                check(ipc.exec(execParams(List.of("true")), frame -> { }), 0);
                long directNanos = System.nanoTime() - started;
                started = System.nanoTime();
                run(List.of(cli.toString(), "--version"), env);
                if (i > 0) {
                    viaCli.add(cliNanos);
                    direct.add(directNanos);
                    version.add(System.nanoTime() - started);
                }
            }
        }
        System.out.println("    mx-agent exec -- true (process)   " + viaCli.summary());
        System.out.println("    exec.start over the socket         " + direct.summary());
        System.out.printf(Locale.ROOT, "    CLI overhead p50 %.1f ms; `mx-agent --version` alone %s%n",
                viaCli.p(50) - direct.p(50), version.summary());
    }

    private static void run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
    }

    private static String ratio(Stats stats, Stats floor) {
        return String.format(Locale.ROOT, "  = %.2fx the floor (p50)", stats.p(50) / floor.p(50));
    }

    private static void check(JsonNode result, int exit) {
        if (result.path("exit_code").asInt(-1) != exit) {
            throw new IllegalStateException("unexpected result " + result);
        }
    }

    private static String require(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: eval \"$(dev/matrix/homeserver env --export)\"");
        }
        return value;
    }

    private static Map<String, String> readEnv(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1).replace("'", ""));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String key : List.of("ROOM", "BOB_AGENT", "WORK", "E2EE_ROOM", "E2EE_BOB_AGENT")) {
            if (!values.containsKey(key)) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(file + " lacks " + missing + ": run dev/demo-exec --setup-only");
        }
        return values;
    }
}
