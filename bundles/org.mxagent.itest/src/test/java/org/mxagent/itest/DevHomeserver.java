package org.mxagent.itest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dev Synapse seen from outside the runtime, over plain HTTP: registers users with the shared-secret admin
 * API and acts as them (join, send). Deliberately independent of the transport under test.
 */
final class DevHomeserver {

    /** A user registered for one test; the password is random and only known to the test. */
    record User(String userId, String localpart, String password, String accessToken) {}

    /** A non-2xx reply. */
    static final class HttpStatusException extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        HttpStatusException(String request, int status, String body) {
            super(request + " -> HTTP " + status + ": " + body);
            this.status = status;
        }

        boolean isRateLimited() {
            return status == 429;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String registrationSecret;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final SecureRandom random = new SecureRandom();

    DevHomeserver(URI base, String registrationSecret) {
        this.base = base;
        this.registrationSecret = registrationSecret;
    }

    /**
     * Registers a non-admin user: GET a nonce, then POST with the HMAC-SHA1 (keyed by the shared secret) of
     * {@code nonce\0username\0password\0notadmin}, as Synapse's admin register API asks.
     */
    User register(String localpart) throws IOException, InterruptedException {
        String nonce = call("GET", "/_synapse/admin/v1/register", null, null).path("nonce").asText();
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        ObjectNode body = mapper.createObjectNode();
        body.put("nonce", nonce);
        body.put("username", localpart);
        body.put("password", password);
        body.put("admin", false);
        body.put("mac", mac(nonce + '\0' + localpart + '\0' + password + '\0' + "notadmin"));
        JsonNode reply = call("POST", "/_synapse/admin/v1/register", null, body);
        return new User(reply.path("user_id").asText(), localpart, password, reply.path("access_token").asText());
    }

    void join(User user, String roomId) throws IOException, InterruptedException {
        call("POST", "/_matrix/client/v3/join/" + segment(roomId), user.accessToken(), mapper.createObjectNode());
    }

    /** PUT send with the caller's transaction id: a retry with the same id never duplicates the event. */
    String send(User user, String roomId, String type, String txnId, ObjectNode content)
            throws IOException, InterruptedException {
        String path = "/_matrix/client/v3/rooms/" + segment(roomId) + "/send/" + segment(type) + "/" + segment(txnId);
        return call("PUT", path, user.accessToken(), content).path("event_id").asText();
    }

    /** Logs {@code user} in once more over plain HTTP (a new device) and returns that device's access token. */
    String login(User user) throws IOException, InterruptedException {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", "m.login.password");
        body.putObject("identifier").put("type", "m.id.user").put("user", user.localpart());
        body.put("password", user.password());
        return call("POST", "/_matrix/client/v3/login", null, body).path("access_token").asText();
    }

    /** {@code POST /logout/all}: invalidates every access token of the token's user, on all devices. */
    void logoutAll(String accessToken) throws IOException, InterruptedException {
        call("POST", "/_matrix/client/v3/logout/all", accessToken, mapper.createObjectNode());
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private JsonNode call(String method, String path, String accessToken, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
                .header("Content-Type", "application/json");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() / 100 != 2) {
            throw new HttpStatusException(method + " " + path, response.statusCode(), text);
        }
        return mapper.readTree(text);
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
