package org.mxagent.e2e.harness;

import java.net.URI;

/**
 * A Matrix account registered for one test. The password is what {@link AgentRuntime#login} gives the CLI; the
 * access token (of the registration's own device) lets the test act as the user over plain HTTP through
 * {@link Homeserver}, independently of any runtime. {@link #toString()} leaves both secrets out.
 */
public record MatrixUser(URI homeserver, String userId, String localpart, String password, String accessToken,
        String deviceId) {
    @Override
    public String toString() {
        return userId + " on " + homeserver;
    }
}
