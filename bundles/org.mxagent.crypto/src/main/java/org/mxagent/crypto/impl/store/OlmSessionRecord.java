package org.mxagent.crypto.impl.store;

/** An Olm session with the device whose Curve25519 key is {@code senderKey}. */
public record OlmSessionRecord(String sessionId, String senderKey, String pickle, long createdMillis,
        long lastUsedMillis) {}
