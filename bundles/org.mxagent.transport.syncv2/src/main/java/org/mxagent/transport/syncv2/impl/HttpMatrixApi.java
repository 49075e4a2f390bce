package org.mxagent.transport.syncv2.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.mxagent.transport.api.MatrixException;

/**
 * The HTTP layer of the client-server API: builds requests, maps error responses to
 * {@link MatrixException}, and retries what is safe to retry. 429 / {@code M_LIMIT_EXCEEDED} is retried
 * after the server's hint (clamped to 5 minutes), as often as the server asks, until the session stops; network
 * errors are retried (up to {@link #MAX_ATTEMPTS} attempts) only for idempotent requests (GET, and PUT, which
 * carries a transaction id or a state key). The access token goes only into the
 * Authorization header.
 */
final class HttpMatrixApi {
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);
    private static final int MAX_ATTEMPTS = 6;

    private final URI homeserver;
    private final String accessToken;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final StopSignal stop;
    private final Duration requestTimeout;
    private final Consumer<Duration> rateLimitObserver;

    HttpMatrixApi(URI homeserver, String accessToken, HttpClient http, ObjectMapper mapper, StopSignal stop,
            Duration requestTimeout, Consumer<Duration> rateLimitObserver) {
        this.homeserver = stripTrailingSlash(homeserver);
        this.accessToken = accessToken;
        this.http = http;
        this.mapper = mapper;
        this.stop = stop;
        this.requestTimeout = requestTimeout;
        this.rateLimitObserver = rateLimitObserver;
    }

    URI homeserver() {
        return homeserver;
    }

    HttpMatrixApi withToken(String token) {
        return new HttpMatrixApi(homeserver, token, http, mapper, stop, requestTimeout, rateLimitObserver);
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Map<String, String> query(String... keyValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                query.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return query;
    }

    JsonNode json(String method, String path, Map<String, String> query, JsonNode body) throws MatrixException {
        byte[] bytes = body == null ? null : writeJson(body);
        HttpResponse<byte[]> response = execute(method, path, query, bytes, "application/json", requestTimeout);
        return parseJson(response);
    }

    byte[] bytes(String path) throws MatrixException {
        return execute("GET", path, Map.of(), null, null, requestTimeout).body();
    }

    JsonNode upload(String path, Map<String, String> query, byte[] content, String contentType)
            throws MatrixException {
        return parseJson(execute("POST", path, query, content, contentType, requestTimeout));
    }

    /**
     * Starts a request without retries and returns its future, so a long-poll can be abandoned when the
     * component stops. {@link #await(CompletableFuture)} turns the outcome into a response or an exception.
     */
    CompletableFuture<HttpResponse<byte[]>> startGet(String path, Map<String, String> query, Duration timeout) {
        return http.sendAsync(build("GET", path, query, null, null, timeout), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode await(CompletableFuture<HttpResponse<byte[]>> future) throws MatrixException, InterruptedException {
        try {
            return parseJson(checked(future.get()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw networkError(cause instanceof IOException io ? io : new IOException(cause));
        } catch (CancellationException e) {
            throw new InterruptedException("request cancelled");
        }
    }

    /**
     * Rate limiting does not count against {@link #MAX_ATTEMPTS}: several threads sharing one limiter can each
     * be refused many times in a row (only one of them wins when the hint runs out), and callers must see that
     * as latency, not as failure. A 429 is retried until the server lets the request through or the session
     * stops; only network errors use up attempts.
     */
    private HttpResponse<byte[]> execute(String method, String path, Map<String, String> query, byte[] body,
            String contentType, Duration timeout) throws MatrixException {
        boolean idempotent = method.equals("GET") || method.equals("PUT");
        Duration networkBackoff = Duration.ofSeconds(1);
        int networkFailures = 0;
        while (true) {
            try {
                HttpResponse<byte[]> response = http.send(build(method, path, query, body, contentType, timeout),
                        HttpResponse.BodyHandlers.ofByteArray());
                return checked(response);
            } catch (MatrixException e) {
                if (!e.isRateLimited()) {
                    throw e;
                }
                Duration wait = retryDelay(e);
                rateLimitObserver.accept(wait);
                pauseOrGiveUp(wait, e);
            } catch (IOException e) {
                MatrixException failure = networkError(e);
                if (!idempotent || ++networkFailures >= MAX_ATTEMPTS) {
                    throw failure;
                }
                pauseOrGiveUp(networkBackoff, failure);
                networkBackoff = networkBackoff.multipliedBy(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MatrixException(0, null, "interrupted while calling " + method + " " + path, -1, e);
            }
        }
    }

    static Duration retryDelay(MatrixException e) {
        long millis = e.retryAfterMillis() > 0 ? e.retryAfterMillis() : 1000;
        Duration wait = Duration.ofMillis(millis);
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private void pauseOrGiveUp(Duration wait, MatrixException cause) throws MatrixException {
        try {
            if (!stop.pause(wait)) {
                throw cause;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    private HttpRequest build(String method, String path, Map<String, String> query, byte[] body,
            String contentType, Duration timeout) {
        StringBuilder uri = new StringBuilder(homeserver.toString()).append(path);
        char separator = '?';
        for (Map.Entry<String, String> entry : query.entrySet()) {
            uri.append(separator).append(segment(entry.getKey())).append('=').append(segment(entry.getValue()));
            separator = '&';
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(timeout);
        if (accessToken != null) {
            builder.header("Authorization", "Bearer " + accessToken);
        }
        if (body != null) {
            builder.header("Content-Type", contentType);
            builder.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            builder.method(method, method.equals("POST") || method.equals("PUT")
                    ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private HttpResponse<byte[]> checked(HttpResponse<byte[]> response) throws MatrixException {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String errcode = null;
        String message = "HTTP " + status;
        long retryAfter = -1;
        try {
            JsonNode error = mapper.readTree(response.body());
            if (error != null && error.isObject()) {
                errcode = error.path("errcode").asText(null);
                message = error.path("error").asText(message);
                retryAfter = error.path("retry_after_ms").asLong(-1);
            }
        } catch (IOException notJson) {
            message = "HTTP " + status + " (non-JSON body)";
        }
        if (retryAfter < 0) {
            retryAfter = response.headers().firstValue("Retry-After").map(HttpMatrixApi::secondsToMillis).orElse(-1L);
        }
        String where = response.request().method() + " " + response.request().uri().getPath();
        throw new MatrixException(status, errcode, where + ": " + (errcode == null ? "" : errcode + ": ")
                + message, retryAfter, null);
    }

    private static long secondsToMillis(String header) {
        try {
            return Long.parseLong(header.trim()) * 1000;
        } catch (NumberFormatException httpDate) {
            return -1;
        }
    }

    private MatrixException networkError(IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new MatrixException(0, null, "cannot reach homeserver " + homeserver + ": " + reason, -1, e);
    }

    private JsonNode parseJson(HttpResponse<byte[]> response) throws MatrixException {
        try {
            byte[] body = response.body();
            return body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (IOException e) {
            throw new MatrixException(response.statusCode(), null,
                    "homeserver sent invalid JSON for " + response.request().uri().getPath(), -1, e);
        }
    }

    private byte[] writeJson(JsonNode body) throws MatrixException {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new MatrixException(0, null, "cannot serialize request body: " + e.getMessage(), -1, e);
        }
    }

    private static URI stripTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    @Override
    public String toString() {
        return "HttpMatrixApi[" + homeserver + ", token=" + (accessToken == null ? "none" : "<redacted>") + "]";
    }
}
