package org.mxagent.transport.api;

import java.net.URI;
import java.util.Objects;

/** Who a runtime is logged in as. Deliberately holds no access token, so it can be logged and shown. */
public record MatrixSession(URI homeserver, String userId, String deviceId) {
    public MatrixSession {
        Objects.requireNonNull(homeserver, "homeserver");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(deviceId, "deviceId");
    }
}
