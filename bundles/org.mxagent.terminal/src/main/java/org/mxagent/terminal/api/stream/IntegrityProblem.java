package org.mxagent.terminal.api.stream;

/** Why a received chunk could not be used. */
public enum IntegrityProblem {
    /** {@code data} is not valid in its {@code encoding} (bad or non-canonical base64, unpaired surrogate). */
    BAD_ENCODING,
    /** {@code sha256} does not match the decoded bytes. */
    SHA256_MISMATCH,
    /** A chunk with data but no {@code sha256} (only the empty EOF marker may omit it). */
    MISSING_SHA256,
    /** {@code compressed=true}: no peer compresses chunks today, so such content cannot be trusted. */
    UNSUPPORTED_COMPRESSION,
    /** The same {@code seq} arrived again with different content. */
    CONFLICTING_DUPLICATE,
    /** Two different EOF positions, or data after the EOF marker. */
    BEYOND_EOF
}
