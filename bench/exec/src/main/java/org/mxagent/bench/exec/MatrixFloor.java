package org.mxagent.bench.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The raw Matrix two-hop floor, with nothing of mx-agent in it: user A sends an event, user B's long-polling
 * {@code /sync} sees it and B answers, A's {@code /sync} sees the answer. Two throwaway users registered through
 * the dev homeserver's shared-secret API, in a room of their own.
 */
final class MatrixFloor {
    private static final String PING = "org.mxagent.bench.ping";
    private static final String PONG = "org.mxagent.bench.pong";
    private static final AtomicInteger TXN = new AtomicInteger();

    private final URI homeserver;
    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    MatrixFloor(URI homeserver, String secret) {
        this.homeserver = homeserver;
        this.secret = secret;
    }

    Stats measure(int samples) throws IOException, InterruptedException {
        String a = register("bench-a");
        String b = register("bench-b");
        String bUser = call("GET", "/_matrix/client/v3/account/whoami", b, null).path("user_id").asText();
        ObjectNode create = Ipc.JSON.createObjectNode().put("preset", "private_chat");
        create.putArray("invite").add(bUser);
        String room = call("POST", "/_matrix/client/v3/createRoom", a, create).path("room_id").asText();
        call("POST", "/_matrix/client/v3/join/" + enc(room), b, Ipc.JSON.createObjectNode());

        AtomicBoolean running = new AtomicBoolean(true);
        Thread responder = new Thread(() -> respond(b, room, running), "bench responder");
        responder.setDaemon(true);
        responder.start();
        String since = call("GET", "/_matrix/client/v3/sync?timeout=0", a, null).path("next_batch").asText();
        Stats stats = new Stats();
        for (int i = 0; i < samples + 3; i++) {
            long started = System.nanoTime();
            send(a, room, PING, Ipc.JSON.createObjectNode().put("n", i));
            since = awaitEvent(a, room, since, PONG, i);
            if (i >= 3) {
                stats.add(System.nanoTime() - started);
            }
        }
        running.set(false);
        return stats;
    }

    private void respond(String token, String room, AtomicBoolean running) {
        try {
            String since = call("GET", "/_matrix/client/v3/sync?timeout=0", token, null).path("next_batch").asText();
            while (running.get()) {
                JsonNode sync = call("GET", "/_matrix/client/v3/sync?timeout=30000&since=" + enc(since), token, null);
                since = sync.path("next_batch").asText();
                for (JsonNode event : sync.path("rooms").path("join").path(room).path("timeline").path("events")) {
                    if (PING.equals(event.path("type").asText())) {
                        send(token, room, PONG, Ipc.JSON.createObjectNode().put("n", event.path("content")
                                .path("n").asInt()));
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("bench: the responder stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String awaitEvent(String token, String room, String since, String type, int n)
            throws IOException, InterruptedException {
        String next = since;
        while (true) {
            JsonNode sync = call("GET", "/_matrix/client/v3/sync?timeout=30000&since=" + enc(next), token, null);
            next = sync.path("next_batch").asText();
            for (JsonNode event : sync.path("rooms").path("join").path(room).path("timeline").path("events")) {
                if (type.equals(event.path("type").asText()) && event.path("content").path("n").asInt() == n) {
                    return next;
                }
            }
        }
    }

    private void send(String token, String room, String type, ObjectNode content)
            throws IOException, InterruptedException {
        call("PUT", "/_matrix/client/v3/rooms/" + enc(room) + "/send/" + type + "/bench" + System.nanoTime() + "-"
                + TXN.incrementAndGet(), token, content);
    }

    private String register(String prefix) throws IOException, InterruptedException {
        String user = prefix + "-" + Long.toString(System.currentTimeMillis(), 36) + TXN.incrementAndGet();
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        String nonce = call("GET", "/_synapse/admin/v1/register", null, null).path("nonce").asText();
        ObjectNode body = Ipc.JSON.createObjectNode().put("nonce", nonce).put("username", user)
                .put("password", password).put("admin", false)
                .put("mac", hmac(nonce + '\0' + user + '\0' + password + '\0' + "notadmin"));
        return call("POST", "/_synapse/admin/v1/register", null, body).path("access_token").asText();
    }

    private JsonNode call(String method, String path, String token, JsonNode body)
            throws IOException, InterruptedException {
        for (int attempt = 0;; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(homeserver.resolve(path))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body.toString()));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429 && attempt < 5) {
                long wait = Ipc.JSON.readTree(response.body()).path("retry_after_ms").asLong(500);
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(wait).toNanos());
                continue;
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
            }
            return Ipc.JSON.readTree(response.body());
        }
    }

    private String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
