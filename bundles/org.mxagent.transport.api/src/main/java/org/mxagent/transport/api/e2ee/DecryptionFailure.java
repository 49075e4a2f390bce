package org.mxagent.transport.api.e2ee;

import java.util.Objects;

/**
 * Why an encrypted room event could not be decrypted.
 *
 * @param reason the class of failure
 * @param message a readable explanation (withheld code and reason, libolm's error, what did not match)
 * @param sessionId the Megolm session the event names, or null if it names none
 */
public record DecryptionFailure(Reason reason, String message, String sessionId) {

    /** Failure classes. {@link #isRetriable()} ones may decrypt later, when a (better) room key arrives. */
    public enum Reason {
        /** No room key (Megolm session) for the event's session id has arrived (yet). */
        MISSING_SESSION(true),
        /** The sender said it will not send us the key ({@code m.room_key.withheld}); the message has its code. */
        WITHHELD(true),
        /** We hold the session, but only from a later message index than this event's. */
        UNKNOWN_MESSAGE_INDEX(true),
        /** Another event already used this session's message index: a replay. */
        REPLAYED(false),
        /** The key's owner is not the event's sender, or the cleartext names another room: forged. */
        MISMATCHED_SENDER_OR_ROOM(false),
        /** The ciphertext does not authenticate or is malformed. */
        BAD_CIPHERTEXT(false),
        /** Not {@code m.megolm.v1.aes-sha2}. */
        UNSUPPORTED_ALGORITHM(false),
        /** No end-to-end encryption service is available in this runtime. */
        NO_CRYPTO(false);

        private final boolean retriable;

        Reason(boolean retriable) {
            this.retriable = retriable;
        }

        /** Whether a key arriving later can make the event decryptable. */
        public boolean isRetriable() {
            return retriable;
        }
    }

    public DecryptionFailure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return reason + ": " + message;
    }
}
