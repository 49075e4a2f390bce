package org.mxagent.crypto.impl.store;

/**
 * One device of a tracked user, from a verified {@code /keys/query} answer.
 *
 * @param curveKey its Curve25519 identity key (Olm)
 * @param edKey its Ed25519 signing key
 * @param keysJson the signed device keys object as the server returned it
 */
public record DeviceRecord(String userId, String deviceId, String curveKey, String edKey, String keysJson) {}
