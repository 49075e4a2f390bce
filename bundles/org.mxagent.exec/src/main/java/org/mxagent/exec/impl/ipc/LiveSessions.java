package org.mxagent.exec.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.exec.impl.desk.ExecDesk;
import org.mxagent.exec.impl.requester.Session;

/** The live session a control method names. */
final class LiveSessions {
    private LiveSessions() {}

    static Session require(ExecDesk desk, JsonNode params) throws IpcException {
        String invocationId = Params.required(params, "invocation_id");
        return desk.session(invocationId).orElseThrow(() -> IpcException.notFound(
                "no live exec " + invocationId + " started by this runtime"));
    }
}
