package org.mxagent.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.mxagent.e2e.harness.Homeserver;
import org.mxagent.e2e.harness.MatrixUser;

/**
 * What the encrypted-workspace tests use to look for leaks: unique markers to search Synapse's database for, a
 * rot13 so a remote shell can compute an output marker that appears nowhere in the request, and a Megolm event
 * nobody can decrypt.
 */
final class PlaintextProbe {
    private PlaintextProbe() {}

    /** {@code prefix} + 32 random lower-case letters (letters only, so {@code tr} can rot13 them). */
    static String marker(String prefix) {
        StringBuilder out = new StringBuilder(prefix);
        for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
            out.append((char) ('a' + Character.digit(c, 16)));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** rot13 of lower-case letters, as {@code tr a-z n-za-m} computes it. */
    static String rot13(String letters) {
        StringBuilder out = new StringBuilder();
        for (char c : letters.toCharArray()) {
            out.append((char) ('a' + (c - 'a' + 13) % 26));
        }
        return out.toString();
    }

    /** A path segment of a client-server API URL. */
    static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A Megolm event for a session nobody has, sent as {@code sender} straight to the homeserver; its event id. */
    static String sendUndecryptable(Homeserver homeserver, String roomId, MatrixUser sender) {
        ObjectNode content = new ObjectMapper().createObjectNode().put("algorithm", "m.megolm.v1.aes-sha2")
                .put("ciphertext", "AwgAEhAAAAAAAAAAAAAAAAAAAAAA").put("session_id", "nosuchsession" + UUID
                        .randomUUID().toString().replace("-", "")).put("sender_key", "bm90IGEga2V5")
                .put("device_id", "FORGED");
        return homeserver.call("PUT", "/_matrix/client/v3/rooms/" + path(roomId) + "/send/m.room.encrypted/"
                + "undecryptable-" + System.nanoTime(), sender.accessToken(), content).path("event_id").asText();
    }
}
