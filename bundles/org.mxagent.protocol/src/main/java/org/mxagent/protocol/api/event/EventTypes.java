package org.mxagent.protocol.api.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The event type strings of protocol v1, and which of them are state events and which are signed. */
public final class EventTypes {
    public static final String EXEC_REQUEST = "com.mxagent.exec.request.v1";
    public static final String EXEC_ACCEPTED = "com.mxagent.exec.accepted.v1";
    public static final String EXEC_REJECTED = "com.mxagent.exec.rejected.v1";
    public static final String EXEC_FINISHED = "com.mxagent.exec.finished.v1";
    public static final String EXEC_STDIN = "com.mxagent.exec.stdin.v1";
    public static final String EXEC_CANCEL = "com.mxagent.exec.cancel.v1";
    public static final String EXEC_CANCELLED = "com.mxagent.exec.cancelled.v1";
    public static final String CALL_REQUEST = "com.mxagent.call.request.v1";
    public static final String CALL_RESPONSE = "com.mxagent.call.response.v1";
    public static final String STREAM_CHUNK = "com.mxagent.stream.chunk.v1";
    public static final String STREAM_ARTIFACT = "com.mxagent.stream.artifact.v1";
    public static final String CONTEXT_SHARE = "com.mxagent.context.share.v1";
    public static final String HEARTBEAT = "com.mxagent.heartbeat.v1";
    public static final String APPROVAL_REQUEST = "com.mxagent.approval.request.v1";
    public static final String APPROVAL_DECISION = "com.mxagent.approval.decision.v1";
    public static final String PTY_RESIZE = "com.mxagent.pty.resize.v1";

    public static final String AGENT = "com.mxagent.agent.v1";
    public static final String TASK = "com.mxagent.task.v1";
    public static final String INVOCATION = "com.mxagent.invocation.v1";
    /** Defined by the protocol; other nodes never publish it (we do, state key {@code name@version}). */
    public static final String TOOL = "com.mxagent.tool.v1";
    public static final String WORKSPACE = "com.mxagent.workspace.v1";
    public static final String TRUST = "com.mxagent.trust.v1";

    /** The 16 room timeline (message) event types. */
    public static final List<String> TIMELINE = List.of(EXEC_REQUEST, EXEC_ACCEPTED, EXEC_REJECTED, EXEC_FINISHED,
            EXEC_STDIN, EXEC_CANCEL, EXEC_CANCELLED, CALL_REQUEST, CALL_RESPONSE, STREAM_CHUNK, STREAM_ARTIFACT,
            CONTEXT_SHARE, HEARTBEAT, APPROVAL_REQUEST, APPROVAL_DECISION, PTY_RESIZE);

    /** The 6 room state event types. */
    public static final List<String> STATE = List.of(AGENT, TASK, INVOCATION, TOOL, WORKSPACE, TRUST);

    /** Types that must carry a {@code signature}: request plane, control frames and the result plane. */
    public static final Set<String> SIGNED = Set.of(EXEC_REQUEST, CALL_REQUEST, EXEC_STDIN, EXEC_CANCEL, PTY_RESIZE,
            APPROVAL_DECISION, EXEC_ACCEPTED, EXEC_REJECTED, EXEC_FINISHED, EXEC_CANCELLED, STREAM_CHUNK,
            STREAM_ARTIFACT, CALL_RESPONSE);

    /** Signed types whose signature is verified over the raw received JSON by every node. */
    public static final Set<String> REQUEST_PLANE = Set.of(EXEC_REQUEST, CALL_REQUEST);

    private static final Set<String> ALL = Set.copyOf(concat());

    private EventTypes() {}

    public static boolean isKnown(String type) {
        return ALL.contains(type);
    }

    public static boolean isState(String type) {
        return STATE.contains(type);
    }

    public static boolean isSigned(String type) {
        return SIGNED.contains(type);
    }

    private static List<String> concat() {
        List<String> all = new ArrayList<>(TIMELINE);
        all.addAll(STATE);
        return all;
    }
}
