package org.mxagent.context.api;

import java.util.List;

/**
 * A share that passed the checks that need no download: its sender is the Matrix account of at least one
 * agent registered in the room ({@code agentIds}), and its signature, if any, verifies with that agent's
 * published key ({@code signingKeyId}; null for an unsigned share from a peer that does not sign).
 */
public record ShareEntry(String contextId, String roomId, String eventId, String sender, long originServerTs,
        String name, String mimeType, long sizeBytes, String sha256, Storage storage, String mxcUri,
        String signingKeyId, List<String> agentIds) {

    public ShareEntry {
        agentIds = List.copyOf(agentIds);
    }
}
