package org.mxagent.transport.syncv2.impl;

import java.net.URI;
import org.mxagent.transport.api.MatrixSession;

/** A session with its access token. Never printed with the token: {@link #toString()} redacts it. */
record StoredSession(URI homeserver, String userId, String deviceId, String accessToken) {

    MatrixSession publicView() {
        return new MatrixSession(homeserver, userId, deviceId);
    }

    @Override
    public String toString() {
        return "StoredSession[homeserver=" + homeserver + ", userId=" + userId + ", deviceId=" + deviceId
                + ", accessToken=<redacted>]";
    }
}
