package org.mxagent.context.impl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.context.api.RejectedShare;
import org.mxagent.context.api.ShareEntry;
import org.mxagent.context.api.ShareListing;
import org.mxagent.context.api.ShareReceipt;
import org.mxagent.protocol.api.ProtocolJson;

/** The JSON shapes of the share IPC results (specs/context.md), in one place. */
public final class ContextJson {
    private ContextJson() {}

    public static ObjectNode receipt(ShareReceipt receipt) {
        return ProtocolJson.newObject().put("context_id", receipt.contextId()).put("room_id", receipt.roomId())
                .put("event_id", receipt.eventId()).put("name", receipt.name())
                .put("mime_type", receipt.mimeType()).put("size_bytes", receipt.sizeBytes())
                .put("sha256", receipt.sha256()).put("storage", receipt.storage().wire())
                .put("mxc_uri", receipt.mxcUri()).put("signing_key_id", receipt.signingKeyId());
    }

    public static ObjectNode entry(ShareEntry entry) {
        ObjectNode json = ProtocolJson.newObject().put("context_id", entry.contextId())
                .put("room_id", entry.roomId()).put("event_id", entry.eventId()).put("sender", entry.sender())
                .put("origin_server_ts", entry.originServerTs()).put("name", entry.name())
                .put("mime_type", entry.mimeType()).put("size_bytes", entry.sizeBytes())
                .put("sha256", entry.sha256()).put("storage", entry.storage().wire())
                .put("mxc_uri", entry.mxcUri()).put("signing_key_id", entry.signingKeyId());
        entry.agentIds().forEach(json.putArray("agent_ids")::add);
        return json;
    }

    public static ObjectNode listing(ShareListing listing) {
        ObjectNode json = ProtocolJson.newObject().put("room_id", listing.roomId())
                .put("events_scanned", listing.eventsScanned());
        ArrayNode shares = json.putArray("shares");
        listing.shares().forEach(entry -> shares.add(entry(entry)));
        ArrayNode rejected = json.putArray("rejected");
        for (RejectedShare share : listing.rejected()) {
            rejected.addObject().put("context_id", share.contextId()).put("event_id", share.eventId())
                    .put("sender", share.sender()).put("reason", share.reason());
        }
        return json;
    }
}
