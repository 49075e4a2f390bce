package org.mxagent.crypto.impl.store;

/**
 * A Megolm session for receiving, from an {@code m.room_key} (or our own outbound session).
 *
 * @param senderKey the Curve25519 key of the Olm session that brought it
 * @param senderUser the user that sent the to-device message; events using the session must come from them
 * @param signingKey the Ed25519 key the sender claimed in the Olm payload
 */
public record InboundSessionRecord(String roomId, String sessionId, String senderKey, String senderUser,
        String signingKey, long firstKnownIndex, String pickle) {}
