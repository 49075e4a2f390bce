package org.mxagent.transport.syncv2.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mxagent.transport.api.MatrixException;
import org.mxagent.transport.api.RoomEvent;
import org.osgi.service.log.Logger;

/**
 * The {@code /sync} v2 long-poll loop of one account. Per batch: deliver to listeners, then persist
 * {@code next_batch}; so a stop between two batches (bundle update, crash) resumes with nothing lost and
 * nothing repeated. Network and server errors back off exponentially (1 s doubling to the configured
 * maximum); 429 waits as long as the server asks; an unknown token ends the loop with a readable error.
 */
final class SyncLoop implements Runnable {
    static final int MAX_BACKFILL_EVENTS = 1000;

    /** Tunables from the component configuration. */
    record Settings(Duration pollTimeout, int timelineLimit, Duration maxBackoff) {}

    private final HttpMatrixApi api;
    private final SyncTokenStore tokens;
    private final ListenerRegistry listeners;
    private final SyncHealth health;
    private final StopSignal stop;
    private final Settings settings;
    private final ObjectMapper mapper;
    private final Logger log;
    private final SyncDecryptor decryptor;
    private volatile CompletableFuture<HttpResponse<byte[]>> inFlight;

    SyncLoop(HttpMatrixApi api, SyncTokenStore tokens, ListenerRegistry listeners, SyncHealth health,
            StopSignal stop, Settings settings, ObjectMapper mapper, Logger log, SyncDecryptor decryptor) {
        this.decryptor = decryptor;
        this.api = api;
        this.tokens = tokens;
        this.listeners = listeners;
        this.health = health;
        this.stop = stop;
        this.settings = settings;
        this.mapper = mapper;
        this.log = log;
    }

    /** Abandons the long-poll in flight; the loop then ends after finishing any batch it is delivering. */
    void abortPoll() {
        CompletableFuture<HttpResponse<byte[]>> poll = inFlight;
        if (poll != null) {
            poll.cancel(true);
        }
    }

    @Override
    public void run() {
        String since;
        try {
            since = tokens.load().orElse(null);
        } catch (IOException e) {
            health.fatal("cannot read sync token: " + e.getMessage());
            log.error("sync loop not started: cannot read sync token", e);
            return;
        }
        health.started(since);
        decryptor.start();
        Duration backoff = Duration.ofSeconds(1);
        try {
            while (!stop.isStopped()) {
                try {
                    since = syncOnce(since);
                    backoff = Duration.ofSeconds(1);
                } catch (MatrixException e) {
                    if (stop.isStopped()) {
                        return; // our own abandoned long-poll, not a failure
                    }
                    if (e.isUnknownToken()) {
                        health.fatal("the homeserver rejected the access token (" + e.getMessage()
                                + "): log in again");
                        log.error("sync stopped: access token rejected: {}", e.getMessage());
                        return;
                    }
                    Duration wait = e.isRateLimited() ? HttpMatrixApi.retryDelay(e) : backoff;
                    if (e.isRateLimited()) {
                        health.rateLimited(wait);
                    } else {
                        backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
                    }
                    health.failed(e.getMessage(), wait);
                    log.warn("sync failed, retrying in {} ms: {}", wait.toMillis(), e.getMessage());
                    if (!stop.pause(wait)) {
                        return;
                    }
                } catch (IOException | RuntimeException e) {
                    // Our own failure (token file, a malformed response): report it and retry, never drop it.
                    health.failed(e.toString(), backoff);
                    log.error("sync batch failed, retrying in " + backoff.toMillis() + " ms", e);
                    if (!stop.pause(backoff)) {
                        return;
                    }
                    backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            health.stopped();
        }
    }

    private String syncOnce(String since) throws MatrixException, IOException, InterruptedException {
        long started = System.nanoTime();
        Map<String, String> query = HttpMatrixApi.query("timeout", Long.toString(settings.pollTimeout().toMillis()),
                "since", since, "filter", filterJson());
        CompletableFuture<HttpResponse<byte[]>> poll = api.startGet("/_matrix/client/v3/sync", query,
                settings.pollTimeout().plusSeconds(30));
        inFlight = poll;
        if (stop.isStopped()) {
            poll.cancel(true);
        }
        JsonNode json = api.await(poll);
        inFlight = null;
        if (!json.isObject()) {
            throw new IOException("sync response is not a JSON object");
        }
        SyncBatch batch = new SyncBatch((ObjectNode) json);
        String nextBatch = batch.nextBatch();
        List<RoomEvent> events = batch.events(since == null ? Map.of() : backfill(batch.gaps(), since));
        // Room keys (to-device) first: events of this batch may need them. Events whose keys came late are
        // delivered before this batch's, in the order they were sent.
        List<RoomEvent> late = decryptor.receive((ObjectNode) json);
        listeners.deliver((ObjectNode) json);
        for (RoomEvent event : late) {
            listeners.deliver(event);
        }
        for (RoomEvent event : events) {
            Optional<RoomEvent> deliverable = decryptor.prepare(event);
            if (deliverable.isPresent()) {
                listeners.deliver(deliverable.get());
            }
        }
        tokens.save(nextBatch);
        health.succeeded(nextBatch, (System.nanoTime() - started) / 1_000_000, events.size() + late.size());
        decryptor.batchDone(late);
        return nextBatch;
    }

    /** Pages back from each gap to the previous sync position, so a limited timeline loses nothing. */
    private Map<String, List<ObjectNode>> backfill(List<SyncBatch.Gap> gaps, String since) throws MatrixException {
        Map<String, List<ObjectNode>> filled = new HashMap<>();
        for (SyncBatch.Gap gap : gaps) {
            List<ObjectNode> newestFirst = new ArrayList<>();
            String from = gap.prevBatch();
            while (from != null && newestFirst.size() < MAX_BACKFILL_EVENTS) {
                JsonNode page = api.json("GET", "/_matrix/client/v3/rooms/" + HttpMatrixApi.segment(gap.roomId())
                        + "/messages", HttpMatrixApi.query("dir", "b", "from", from, "to", since, "limit", "100"),
                        null);
                JsonNode chunk = page.path("chunk");
                for (JsonNode event : chunk) {
                    if (event.isObject()) {
                        newestFirst.add((ObjectNode) event);
                    }
                }
                String end = page.path("end").asText(null);
                from = chunk.isEmpty() || end == null || end.equals(from) ? null : end;
            }
            if (newestFirst.size() >= MAX_BACKFILL_EVENTS) {
                log.warn("room {}: gap larger than {} events; older events in it are not delivered", gap.roomId(),
                        MAX_BACKFILL_EVENTS);
            }
            Collections.reverse(newestFirst);
            filled.put(gap.roomId(), newestFirst);
        }
        return filled;
    }

    private String filterJson() {
        ObjectNode filter = mapper.createObjectNode();
        filter.putObject("room").putObject("timeline").put("limit", settings.timelineLimit());
        filter.putObject("presence").putArray("not_types").add("*");
        return filter.toString();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
