package org.mxagent.crypto.impl.store;

/** A device that was sent an outbound session's key (the to-device request succeeded), from which index. */
public record SharedWithRecord(String sessionId, String userId, String deviceId, String curveKey,
        long messageIndex) {}
