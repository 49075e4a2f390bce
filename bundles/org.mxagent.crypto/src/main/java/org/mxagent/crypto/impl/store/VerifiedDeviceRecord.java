package org.mxagent.crypto.impl.store;

/**
 * A device the operator verified.
 *
 * @param edKey the Ed25519 key the verification proved; the device counts as verified only while it keeps it
 * @param method how it was verified ({@code m.sas.v1})
 */
public record VerifiedDeviceRecord(String userId, String deviceId, String edKey, long verifiedMs, String method) {}
