package org.mxagent.crypto.impl.store;

/**
 * The room's current Megolm session for sending.
 *
 * @param messageCount messages encrypted with it so far (its next message index)
 * @param invalidated set when a member left: the next share rotates it
 */
public record OutboundSessionRecord(String roomId, String sessionId, String pickle, long createdMillis,
        long messageCount, boolean invalidated) {}
