package org.mxagent.crypto.impl.store;

/**
 * An encrypted event that could not be decrypted yet, kept until its room key arrives.
 *
 * @param rawJson the encrypted event as received
 * @param reason the last failure, for status displays
 * @param resolved decrypted and handed to the transport; deleted once it confirms delivery
 */
public record PendingEventRecord(String eventId, String roomId, String sessionId, String rawJson, String reason,
        long firstSeenMillis, boolean resolved) {}
