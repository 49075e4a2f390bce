package org.mxagent.policy.api;

/** The protocol verifier's verdict on a request's signature, made before the pipeline runs. */
public enum SignatureCheck {
    /** Verified with the requester's published key, whose SHA-256 matches the key id. */
    VALID,
    /** No {@code signature} member. */
    UNSIGNED,
    /** The signature does not verify. */
    INVALID,
    /** {@code signature.key_id} differs from the requester's published {@code signing_key_id}. */
    KEY_ID_MISMATCH,
    /** The requester has no usable published key (no agent.v1, or its key does not hash to its key id). */
    UNKNOWN_KEY
}
