package org.mxagent.transport.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard listener for the parts of a sync response that are not room events (to-device messages,
 * device list changes, one-time key counts): the crypto machine consumes these. Called on the sync thread
 * before room events of the same response are delivered.
 */
@ConsumerType
public interface SyncListener {
    void onSyncResponse(ObjectNode syncResponse);
}
