package org.mxagent.e2e.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opentest4j.AssertionFailedError;

/**
 * The dev Synapse seen from outside every runtime, over plain HTTP: registers fresh users with the shared-secret
 * admin API and acts as them (create a room, join, send). Deliberately independent of the code under test, so a
 * test can play "another user" without a second daemon.
 */
public final class Homeserver {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_RATE_LIMITED_RETRIES = 5;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final URI url;
    private final String registrationSecret;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final SecureRandom random = new SecureRandom();

    public Homeserver(URI url, String registrationSecret) {
        this.url = url;
        this.registrationSecret = registrationSecret;
    }

    /** From MX_AGENT_TEST_HOMESERVER and MX_AGENT_TEST_REGISTRATION_SECRET; fails clearly if either is unset. */
    public static Homeserver fromEnvironment() {
        String base = E2eEnvironment.require(E2eEnvironment.HOMESERVER);
        String secret = E2eEnvironment.require(E2eEnvironment.REGISTRATION_SECRET);
        return new Homeserver(URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base), secret);
    }

    public URI url() {
        return url;
    }

    /**
     * Registers a new non-admin user named {@code <prefix>-<unique suffix>} with a random password: GET a nonce,
     * then POST with the HMAC-SHA1 (keyed by the shared secret) of {@code nonce\0user\0password\0notadmin}.
     */
    public MatrixUser register(String prefix) {
        String localpart = uniqueName(prefix);
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        String nonce = call("GET", "/_synapse/admin/v1/register", null, null).path("nonce").asText();
        ObjectNode body = mapper.createObjectNode();
        body.put("nonce", nonce);
        body.put("username", localpart);
        body.put("password", password);
        body.put("admin", false);
        body.put("mac", mac(nonce + '\0' + localpart + '\0' + password + '\0' + "notadmin"));
        JsonNode reply = call("POST", "/_synapse/admin/v1/register", null, body);
        return new MatrixUser(url, reply.path("user_id").asText(), localpart, password,
                reply.path("access_token").asText(), reply.path("device_id").asText());
    }

    /** Creates a private room as {@code creator}, inviting {@code invitees}; returns the room id. */
    public String createRoom(MatrixUser creator, String name, MatrixUser... invitees) {
        ObjectNode body = mapper.createObjectNode().put("name", name).put("preset", "private_chat");
        var invite = body.putArray("invite");
        for (MatrixUser invitee : invitees) {
            invite.add(invitee.userId());
        }
        return call("POST", "/_matrix/client/v3/createRoom", creator.accessToken(), body).path("room_id").asText();
    }

    /** Joins a room by id or alias; returns the room id. */
    public String join(MatrixUser user, String roomIdOrAlias) {
        return call("POST", "/_matrix/client/v3/join/" + segment(roomIdOrAlias), user.accessToken(),
                mapper.createObjectNode()).path("room_id").asText();
    }

    /** Sends an {@code m.text} message as {@code user}; returns the event id. */
    public String sendText(MatrixUser user, String roomId, String text) {
        ObjectNode content = mapper.createObjectNode().put("msgtype", "m.text").put("body", text);
        String txnId = "e2e-" + System.nanoTime() + "-" + COUNTER.incrementAndGet();
        return call("PUT", "/_matrix/client/v3/rooms/" + segment(roomId) + "/send/m.room.message/" + segment(txnId),
                user.accessToken(), content).path("event_id").asText();
    }

    /**
     * Any client-server or admin API call; {@code accessToken} may be null. A 429 is retried after the
     * {@code retry_after_ms} the server asks for; any other non-2xx reply fails the test with the reply.
     */
    public JsonNode call(String method, String path, String accessToken, JsonNode body) {
        for (int attempt = 0;; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(TIMEOUT)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body.toString()))
                    .header("Content-Type", "application/json");
            if (accessToken != null) {
                request.header("Authorization", "Bearer " + accessToken);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionFailedError("cannot reach the homeserver at " + url + " (" + method + " " + path
                        + "): " + e + ". Is it up? `dev/matrix/homeserver status`", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted during " + method + " " + path, e);
            }
            if (response.statusCode() == 429 && attempt < MAX_RATE_LIMITED_RETRIES) {
                long retryAfter = parse(response.body()).path("retry_after_ms").asLong(500);
                LockSupport.parkNanos(Duration.ofMillis(Math.min(Math.max(retryAfter, 50), 10_000)).toNanos());
                continue;
            }
            if (response.statusCode() / 100 != 2) {
                throw new AssertionFailedError(method + " " + path + " -> HTTP " + response.statusCode() + ": "
                        + response.body());
            }
            return parse(response.body());
        }
    }

    /** The bytes the media repository holds for {@code mxc://server/id}, as the user downloads them. */
    public byte[] download(MatrixUser user, String mxcUri) {
        String serverAndId = mxcUri.substring("mxc://".length());
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/_matrix/client/v1/media/download/" + serverAndId))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + user.accessToken()).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionFailedError("download " + mxcUri + " -> HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionFailedError("cannot download " + mxcUri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted downloading " + mxcUri, e);
        }
    }

    /** {@code prefix-<time><counter><random>}: lower case, valid as a Matrix localpart, unique across runs. */
    public String uniqueName(String prefix) {
        byte[] noise = new byte[3];
        random.nextBytes(noise);
        return (prefix + "-" + Long.toString(System.currentTimeMillis(), 36) + Integer.toString(COUNTER.incrementAndGet(), 36)
                + HexFormat.of().formatHex(noise)).toLowerCase(Locale.ROOT);
    }

    private JsonNode parse(String text) {
        try {
            return text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON from the homeserver: " + text, e);
        }
    }

    private String mac(String message) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(registrationSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return HexFormat.of().formatHex(hmac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
