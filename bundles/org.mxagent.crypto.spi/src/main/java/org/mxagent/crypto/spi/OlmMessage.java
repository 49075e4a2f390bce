package org.mxagent.crypto.spi;

import java.util.Objects;

/**
 * One Olm (to-device) ciphertext: its type and its base64 body, as in the {@code m.olm.v1.curve25519-aes-sha2}
 * {@code ciphertext} map.
 *
 * @param type {@link #PRE_KEY} (0) until the sender has received a reply, then {@link #MESSAGE} (1)
 * @param body the base64 ciphertext
 */
public record OlmMessage(int type, String body) {
    /** A pre-key message: sets up the receiving session. */
    public static final int PRE_KEY = 0;
    /** A normal message within an established session. */
    public static final int MESSAGE = 1;

    public OlmMessage {
        if (type != PRE_KEY && type != MESSAGE) {
            throw new IllegalArgumentException("Olm message type must be 0 or 1, not " + type);
        }
        Objects.requireNonNull(body, "body");
    }

    /** Whether this is a pre-key message. */
    public boolean isPreKey() {
        return type == PRE_KEY;
    }
}
