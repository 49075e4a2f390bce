package org.mxagent.transport.api.e2ee;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A client-server request the machine needs sent. The transport performs it with its own session
 * ({@code method} on {@code path}, which starts with {@code /_matrix/}, with {@code body} as JSON) and reports
 * the result with {@link E2eeMachine#markRequestAsSent} or {@link E2eeMachine#markRequestAsFailed}. A request
 * returned by {@link E2eeMachine#outgoingRequests()} keeps its id until it is marked, so a transport that asks
 * twice gets the same request, not a second one.
 *
 * @param id unique within the machine
 * @param kind what the request is for (logs, status; the transport treats all kinds alike)
 * @param method {@code POST} or {@code PUT}
 * @param path the endpoint; to-device sends carry their transaction id in it, so a retry is idempotent
 * @param body the JSON body
 */
public record OutgoingRequest(String id, Kind kind, String method, String path, ObjectNode body) {

    /** The endpoints a crypto machine uses. */
    public enum Kind {
        /** {@code POST /keys/upload}: device keys, one-time keys, fallback key. */
        KEYS_UPLOAD,
        /** {@code POST /keys/query}: device lists of tracked users. */
        KEYS_QUERY,
        /** {@code POST /keys/claim}: one-time keys for new Olm sessions. */
        KEYS_CLAIM,
        /** {@code PUT /sendToDevice/{type}/{txnId}}: room keys (Olm-encrypted) and withheld notices. */
        TO_DEVICE
    }

    public OutgoingRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(body, "body");
        if (!path.startsWith("/_matrix/")) {
            throw new IllegalArgumentException("path must start with /_matrix/: " + path);
        }
    }
}
