package org.mxagent.policy.impl;

import java.util.regex.Pattern;

/** Shapes of agent ids and signing key ids, and the fingerprint a key id stands for. */
final class KeyIds {
    static final String KEY_ID_PREFIX = "mxagent-ed25519:";
    // <B> is unpadded standard base64 of a SHA-256 digest: 43 characters.
    private static final Pattern KEY_ID = Pattern.compile(Pattern.quote(KEY_ID_PREFIX) + "[A-Za-z0-9+/]{43}");
    private static final Pattern AGENT_ID = Pattern.compile("agt_[0-9A-Za-z]{26}");
    private static final Pattern ROOM_ID = Pattern.compile("![^\\s]+");

    private KeyIds() {}

    static String requireKeyId(String keyId) {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("not a signing key id: \"" + keyId + "\"; expected " + KEY_ID_PREFIX
                    + "<43 characters of unpadded base64>");
        }
        return keyId;
    }

    static String requireAgentId(String agentId) {
        if (!AGENT_ID.matcher(agentId).matches()) {
            throw new IllegalArgumentException("not an agent id: \"" + agentId
                    + "\"; expected agt_<26-character ULID>");
        }
        return agentId;
    }

    static String requireRoomId(String roomId) {
        if (!ROOM_ID.matcher(roomId).matches()) {
            throw new IllegalArgumentException("not a room id: \"" + roomId + "\"; expected !id:server");
        }
        return roomId;
    }

    /** {@code SHA256:<B>} for {@code mxagent-ed25519:<B>}. */
    static String fingerprint(String keyId) {
        return "SHA256:" + requireKeyId(keyId).substring(KEY_ID_PREFIX.length());
    }
}
