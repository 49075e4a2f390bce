package org.mxagent.approval.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.approval.api.Hold;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.Timestamps;

/** How holds are shown over IPC and in Gogo (never the original event's content). */
public final class HoldText {
    private HoldText() {}

    public static ObjectNode json(Hold hold) {
        ObjectNode node = ProtocolJson.newObject();
        node.put("request_id", hold.requestId());
        node.put("room_id", hold.roomId());
        node.put("consumer", hold.consumer());
        node.put("summary", hold.summary());
        node.put("requester", hold.request().requestingAgent());
        node.put("sender", hold.request().sender());
        node.put("target", hold.request().targetAgent());
        node.put("invocation_id", hold.request().invocationId().orElse(null));
        node.put("created_at", Timestamps.seconds(hold.createdAt()));
        node.put("expires_at", Timestamps.seconds(hold.expiresAt()));
        hold.approvals().forEach(node.putArray("approvals")::add);
        return node;
    }

    static String line(Hold hold) {
        return hold.requestId() + "  expires " + Timestamps.seconds(hold.expiresAt()) + "  approvals "
                + hold.approvals().size() + "  " + hold.summary();
    }
}
