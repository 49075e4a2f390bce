package org.mxagent.crypto.spi;

import java.util.Locale;

/**
 * The failure kinds of the Olm/Megolm primitives. Constant names are libolm's {@code OlmErrorCode} names
 * without the {@code OLM_} prefix; {@link #olmName()} is the exact string libolm reports for it (a few of
 * which keep the prefix, e.g. {@code OLM_INPUT_BUFFER_TOO_SMALL}). A pure-Java provider maps its own
 * failures onto the same kinds so the crypto machine handles both alike.
 */
public enum OlmError {
    /** Not enough random bytes were supplied (a provider bug, never caused by input). */
    NOT_ENOUGH_RANDOM(1, "NOT_ENOUGH_RANDOM"),
    /** An output buffer was too small (a provider bug, never caused by input). */
    OUTPUT_BUFFER_TOO_SMALL(2, "OUTPUT_BUFFER_TOO_SMALL"),
    /** The message was made by an unsupported protocol version. */
    BAD_MESSAGE_VERSION(3, "BAD_MESSAGE_VERSION"),
    /** The message could not be decoded. */
    BAD_MESSAGE_FORMAT(4, "BAD_MESSAGE_FORMAT"),
    /** The message failed authentication; also an invalid ed25519 signature in {@link Utility#verifyEd25519}. */
    BAD_MESSAGE_MAC(5, "BAD_MESSAGE_MAC"),
    /** A pre-key message names a one-time key this account does not have (used, removed or never made). */
    BAD_MESSAGE_KEY_ID(6, "BAD_MESSAGE_KEY_ID"),
    /** An input that must be base64 was not. */
    INVALID_BASE64(7, "INVALID_BASE64"),
    /** The pickle key does not decrypt the pickle (wrong key), for every kind of pickled object. */
    BAD_ACCOUNT_KEY(8, "BAD_ACCOUNT_KEY"),
    /** The pickle was written by a newer, unknown format version. */
    UNKNOWN_PICKLE_VERSION(9, "UNKNOWN_PICKLE_VERSION"),
    /** The pickle decrypted but its content is damaged. */
    CORRUPTED_PICKLE(10, "CORRUPTED_PICKLE"),
    /** A Megolm session key (room key or export) is malformed or its signature is wrong. */
    BAD_SESSION_KEY(11, "BAD_SESSION_KEY"),
    /** The Megolm message index is below the first index this inbound session knows. */
    UNKNOWN_MESSAGE_INDEX(12, "UNKNOWN_MESSAGE_INDEX"),
    /** A version-1 account pickle; its ed25519 key must be considered compromised. */
    BAD_LEGACY_ACCOUNT_PICKLE(13, "BAD_LEGACY_ACCOUNT_PICKLE"),
    /** A signature in a message did not verify. */
    BAD_SIGNATURE(14, "BAD_SIGNATURE"),
    /** An input (key, seed) was shorter than required. */
    INPUT_BUFFER_TOO_SMALL(15, "OLM_INPUT_BUFFER_TOO_SMALL"),
    /** A SAS operation needs the other side's public key first. */
    SAS_THEIR_KEY_NOT_SET(16, "OLM_SAS_THEIR_KEY_NOT_SET"),
    /** The pickle has trailing data after the object. */
    PICKLE_EXTRA_DATA(17, "OLM_PICKLE_EXTRA_DATA"),
    /** A failure the provider could not classify. */
    UNKNOWN_ERROR(-1, "UNKNOWN_ERROR");

    private final int code;
    private final String olmName;

    OlmError(int code, String olmName) {
        this.code = code;
        this.olmName = olmName;
    }

    /** libolm's numeric {@code OlmErrorCode}, or -1 for {@link #UNKNOWN_ERROR}. */
    public int code() {
        return code;
    }

    /** The string libolm's {@code *_last_error()} returns for this error. */
    public String olmName() {
        return olmName;
    }

    /** The error for a libolm {@code OlmErrorCode}; {@link #UNKNOWN_ERROR} for codes this version does not know. */
    public static OlmError fromCode(int code) {
        for (OlmError error : values()) {
            if (error.code == code) {
                return error;
            }
        }
        return UNKNOWN_ERROR;
    }

    /**
     * The error for a name as libolm reports it or as its C enum spells it, with or without the {@code OLM_}
     * prefix ({@code "BAD_MESSAGE_KEY_ID"}, {@code "OLM_BAD_MESSAGE_KEY_ID"}); {@link #UNKNOWN_ERROR} otherwise.
     */
    public static OlmError fromName(String name) {
        if (name == null) {
            return UNKNOWN_ERROR;
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        String bare = upper.startsWith("OLM_") ? upper.substring(4) : upper;
        for (OlmError error : values()) {
            if (error.name().equals(bare) || error.olmName.equals(upper)) {
                return error;
            }
        }
        return UNKNOWN_ERROR;
    }
}
