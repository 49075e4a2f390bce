package org.mxagent.crypto.impl.store;

/** An {@code m.room_key.withheld} notice: the sender will not share this session with us, and why. */
public record WithheldRecord(String roomId, String sessionId, String senderKey, String code, String reason) {}
