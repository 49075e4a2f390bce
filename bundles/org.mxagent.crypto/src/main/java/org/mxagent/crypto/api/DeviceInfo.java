package org.mxagent.crypto.api;

import java.util.Optional;

/**
 * A device known from a verified {@code /keys/query} answer.
 *
 * @param ed25519 its Ed25519 signing key (the fingerprint compared during verification)
 * @param curve25519 its Curve25519 identity key
 * @param verified whether the operator verified it (SAS) under its current Ed25519 key; our own device counts
 *        as verified
 * @param verifiedAtMs when it was verified (epoch ms), empty when not verified
 * @param own whether it is this runtime's own device
 */
public record DeviceInfo(String userId, String deviceId, String ed25519, String curve25519, boolean verified,
        Optional<Long> verifiedAtMs, boolean own) {}
