package org.mxagent.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.mxagent.e2e.harness.AgentRuntime;
import org.mxagent.e2e.harness.Homeserver;
import org.mxagent.e2e.harness.MatrixUser;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.SignedEvent;
import org.mxagent.protocol.api.sign.EventSigner;
import org.mxagent.protocol.api.sign.SigningKey;

/**
 * Events the runtimes under test did not write: sent straight to the homeserver as any registered user, signed
 * with any key (a fresh one, or a runtime's own key file, which the test can read), or not signed at all.
 */
final class Forger {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Forger() {}

    /** The signing key a runtime uses (its {@code signing_key.ed25519}). */
    static SigningKey keyOf(AgentRuntime runtime) {
        try {
            return SigningKey.load(runtime.dataDir().resolve(SigningKey.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode signed(SignedEvent event, SigningKey key) {
        try {
            return EventSigner.sign(ProtocolCodec.encode(event), key);
        } catch (CanonicalJsonException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode unsigned(SignedEvent event) {
        return ProtocolCodec.encode(event);
    }

    /** Sends {@code content} as {@code sender}; returns the event id. */
    static String send(Homeserver homeserver, MatrixUser sender, String roomId, String type, ObjectNode content) {
        String txn = "forged-" + System.nanoTime() + "-" + COUNTER.incrementAndGet();
        return homeserver.call("PUT", "/_matrix/client/v3/rooms/" + segment(roomId) + "/send/" + segment(type) + "/"
                + segment(txn), sender.accessToken(), content).path("event_id").asText();
    }

    /** Invites and joins {@code guest} to the room, with {@code inviter}'s token. */
    static void bringIn(Homeserver homeserver, MatrixUser inviter, MatrixUser guest, String roomId) {
        ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("user_id", guest.userId());
        homeserver.call("POST", "/_matrix/client/v3/rooms/" + segment(roomId) + "/invite", inviter.accessToken(), body);
        homeserver.join(guest, roomId);
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
