package org.mxagent.exec.impl.desk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.InvocationState;

/** One {@code invocation.v1} state event whose sender is the target agent's own account. */
public record InvocationRecord(String roomId, InvocationState state, String sender) {

    public ObjectNode toJson() {
        ObjectNode node = ProtocolJson.newObject();
        node.put("invocation_id", state.invocationId());
        node.put("room_id", roomId);
        node.put("requester", state.requester());
        node.put("target", state.target());
        node.put("state", state.state().wire());
        if (state.exitCode() != null) {
            node.put("exit_code", state.exitCode());
        } else {
            node.putNull("exit_code");
        }
        if (state.taskId() != null) {
            node.put("task_id", state.taskId());
        }
        node.put("created_at", state.createdAt());
        node.put("updated_at", state.updatedAt());
        node.put("state_rev", state.stateRev());
        node.put("published_by", sender);
        return node;
    }
}
