package org.mxagent.itest;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * matrix-nio as an independent Matrix client, in a child process ({@code tests/interop-nio/nio_peer.py}): one JSON
 * command per line in, one JSON answer per line out. Its stderr goes to {@code nio-peer-<user>.log} in the run's
 * directory. Closing sends {@code quit} and kills the process if it does not end.
 */
final class NioPeer implements AutoCloseable {
    static final String SCRIPT = "mxagent.itest.nio.peer";
    static final String PYTHON = "mxagent.itest.nio.python";
    static final String DIR = "mxagent.itest.nio.dir";

    private final ObjectMapper mapper = new ObjectMapper();
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path log;
    private final JsonNode ready;

    NioPeer(URI homeserver, DevHomeserver.User user) throws IOException, InterruptedException {
        Path script = Path.of(required(SCRIPT));
        Path dir = Files.createDirectories(Path.of(required(DIR)));
        Path store = Files.createDirectories(dir.resolve("store-" + user.localpart()));
        this.log = dir.resolve("nio-peer-" + user.localpart() + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(System.getProperty(PYTHON, "/usr/bin/python3"),
                script.toString(), "--homeserver", homeserver.toString(), "--user", user.userId(), "--store",
                store.toString())).redirectError(log.toFile());
        builder.environment().put("NIO_PEER_PASSWORD", user.password());
        process = builder.start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
                lines.add("{\"event\":\"error\",\"message\":\"nio peer exited\"}");
            } catch (IOException e) {
                lines.add("{\"event\":\"error\",\"message\":\"reading nio peer output: " + e.getMessage() + "\"}");
            }
        }, "nio peer reader " + user.localpart());
        reader.setDaemon(true);
        reader.start();
        this.ready = next("ready", 60);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            fail("system property " + property + " is not set (see test.bndrun)");
        }
        return value;
    }

    /** The peer's {@code ready} answer: user_id, device_id, curve25519. */
    JsonNode ready() {
        return ready;
    }

    JsonNode join(String roomId) throws IOException, InterruptedException {
        return command(mapper.createObjectNode().put("cmd", "join").put("room", roomId), "joined", 60);
    }

    /** Sends an encrypted text message; returns its event id. */
    String send(String roomId, String body) throws IOException, InterruptedException {
        return command(mapper.createObjectNode().put("cmd", "send").put("room", roomId).put("body", body), "sent", 60)
                .path("event_id").asText();
    }

    /** Waits until the peer has received (and decrypted) a text message with this body; {@code timeout} if not. */
    JsonNode expect(String roomId, String body, int seconds) throws IOException, InterruptedException {
        ObjectNode command = mapper.createObjectNode().put("cmd", "expect").put("room", roomId).put("body", body)
                .put("timeout", seconds);
        return command(command, null, seconds + 30);
    }

    /** nio encrypts, uploads and sends {@code data} as an m.file named {@code name}; its answer has the sha256. */
    JsonNode sendFile(String roomId, String name, byte[] data) throws IOException, InterruptedException {
        ObjectNode command = mapper.createObjectNode().put("cmd", "send_file").put("room", roomId).put("name", name)
                .put("data_b64", java.util.Base64.getEncoder().encodeToString(data));
        return command(command, "file_sent", 60);
    }

    /** nio waits for the m.file named {@code name}, downloads and decrypts it; its answer has sha256 and size. */
    JsonNode fetchFile(String roomId, String name, int seconds) throws IOException, InterruptedException {
        ObjectNode command = mapper.createObjectNode().put("cmd", "fetch_file").put("room", roomId)
                .put("name", name).put("timeout", seconds);
        return command(command, "file_fetched", seconds + 30);
    }

    /** A command of {@code nio_peer.py}; fails unless the answer's event is {@code expected} (any if null). */
    JsonNode command(ObjectNode command, String expected, int seconds) throws IOException,
            InterruptedException {
        stdin.write(command.toString() + "\n");
        stdin.flush();
        return next(expected, seconds);
    }

    private JsonNode next(String expected, int seconds) throws IOException, InterruptedException {
        String line = lines.poll(seconds, TimeUnit.SECONDS);
        if (line == null) {
            return fail("nio peer gave no answer within " + seconds + " s (expected '" + expected + "'); its log: "
                    + tail());
        }
        JsonNode answer = mapper.readTree(line);
        if ("error".equals(answer.path("event").asText()) || expected != null
                && !expected.equals(answer.path("event").asText())) {
            return fail("nio peer answered " + line + " (expected '" + expected + "'); its log: " + tail());
        }
        return answer;
    }

    private String tail() throws IOException {
        List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stdin.write("{\"cmd\":\"quit\"}\n");
            stdin.flush();
        } catch (IOException alreadyGone) {
            System.out.println("nio peer: stdin already closed (" + alreadyGone.getMessage() + ")");
        }
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        }
    }
}
