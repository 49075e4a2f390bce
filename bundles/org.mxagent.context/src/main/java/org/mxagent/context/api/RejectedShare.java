package org.mxagent.context.api;

/** A {@code context.share} event that was refused, and why ({@code contextId} may be empty if malformed). */
public record RejectedShare(String contextId, String roomId, String eventId, String sender, String reason) {}
