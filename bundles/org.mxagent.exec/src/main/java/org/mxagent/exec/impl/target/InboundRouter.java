package org.mxagent.exec.impl.target;

import java.util.Set;
import org.mxagent.exec.impl.wire.SerialQueue;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.transport.api.RoomEvent;

/**
 * The target side's door: requests and control frames, taken off the sync thread and handled one at a time in
 * timeline order (a control frame is never handled before the request that started its run).
 */
public final class InboundRouter {
    public static final Set<String> TYPES = Set.of(EventTypes.EXEC_REQUEST, EventTypes.CALL_REQUEST,
            EventTypes.EXEC_STDIN, EventTypes.EXEC_CANCEL, EventTypes.PTY_RESIZE);

    private final SerialQueue queue;
    private final ExecRequestHandler execs;
    private final CallRequestHandler calls;
    private final ControlHandler controls;

    public InboundRouter(SerialQueue queue, ExecRequestHandler execs, CallRequestHandler calls,
            ControlHandler controls) {
        this.queue = queue;
        this.execs = execs;
        this.calls = calls;
        this.controls = controls;
    }

    /** Called on the sync thread: only queues. */
    public void accept(RoomEvent event) {
        switch (event.type()) {
            case EventTypes.EXEC_REQUEST -> queue.submit(() -> execs.handle(event));
            case EventTypes.CALL_REQUEST -> queue.submit(() -> calls.handle(event));
            case EventTypes.EXEC_STDIN, EventTypes.EXEC_CANCEL, EventTypes.PTY_RESIZE ->
                    queue.submit(() -> controls.handle(event));
            default -> {
                // not a target-side event
            }
        }
    }
}
