package org.mxagent.crypto.impl.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.mxagent.crypto.impl.store.StoreChanges;
import org.mxagent.transport.api.e2ee.OutgoingRequest;

/**
 * Requests handed to the transport and not yet reported back, with what to do when they are. Ids and to-device
 * transaction ids carry a random per-machine prefix, so they never repeat across restarts.
 */
final class RequestTracker {

    /** What to do with a reply. */
    @FunctionalInterface
    interface OnSent {
        void sent(JsonNode response, StoreChanges changes);
    }

    private record InFlight(OutgoingRequest request, OnSent onSent) {}

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, InFlight> inFlight = new LinkedHashMap<>();

    RequestTracker() {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        this.prefix = "mxc" + HexFormat.of().formatHex(random) + System.currentTimeMillis() + ".";
    }

    OutgoingRequest add(OutgoingRequest.Kind kind, String method, String path, ObjectNode body, OnSent onSent) {
        OutgoingRequest request = new OutgoingRequest(nextId(), kind, method, path, body);
        inFlight.put(request.id(), new InFlight(request, onSent));
        return request;
    }

    /** A fresh id, also used as a to-device transaction id. */
    String nextId() {
        return prefix + counter.incrementAndGet();
    }

    /** The request of this kind still in flight, if any. */
    Optional<OutgoingRequest> inFlight(OutgoingRequest.Kind kind) {
        return inFlight.values().stream().map(InFlight::request).filter(r -> r.kind() == kind).findFirst();
    }

    /** Removes the request and returns its reply handler, or null for an unknown (already reported) id. */
    OnSent complete(String id) {
        InFlight done = inFlight.remove(id);
        return done == null ? null : done.onSent();
    }

    Optional<OutgoingRequest> remove(String id) {
        InFlight done = inFlight.remove(id);
        return done == null ? Optional.empty() : Optional.of(done.request());
    }

    int size() {
        return inFlight.size();
    }
}
