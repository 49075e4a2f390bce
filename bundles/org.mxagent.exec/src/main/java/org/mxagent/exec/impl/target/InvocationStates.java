package org.mxagent.exec.impl.target;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.mxagent.exec.impl.wire.ClientRef;
import org.mxagent.exec.impl.wire.SerialQueue;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.EventTypes;
import org.mxagent.protocol.api.event.InvocationState;
import org.mxagent.protocol.api.event.InvocationStatus;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.transport.api.MatrixException;
import org.osgi.service.log.Logger;

/**
 * Publishes {@code invocation.v1} state (key = invocation id) for the invocations this runtime executes, off the
 * output path: each invocation's state writes are ordered among themselves but never hold up its chunks. A write
 * the homeserver refuses (the agent's account lacks power level 50 in the room) is logged once per room.
 */
public final class InvocationStates {
    private final ClientRef client;
    private final Executor executor;
    private final Logger log;
    private final Clock clock;
    private final Set<String> refusedRooms = ConcurrentHashMap.newKeySet();

    public InvocationStates(ClientRef client, Executor executor, Logger log, Clock clock) {
        this.client = client;
        this.executor = executor;
        this.log = log;
        this.clock = clock;
    }

    /** A tracker for one invocation; nothing is published until {@link Tracker#publish}. */
    public Tracker track(String roomId, String invocationId, String taskId, String requester, String target) {
        return new Tracker(roomId, invocationId, taskId, requester, target);
    }

    /** The state of one invocation, with its revision counter. */
    public final class Tracker {
        private final String roomId;
        private final String invocationId;
        private final String taskId;
        private final String requester;
        private final String target;
        private final String createdAt = Timestamps.seconds(clock.instant());
        private final SerialQueue queue;
        private long stateRev;

        Tracker(String roomId, String invocationId, String taskId, String requester, String target) {
            this.roomId = roomId;
            this.invocationId = invocationId;
            this.taskId = taskId;
            this.requester = requester;
            this.target = target;
            this.queue = new SerialQueue(executor, log, "invocation.v1 " + invocationId, false);
        }

        public void publish(InvocationStatus status, Integer exitCode) {
            queue.submit(() -> put(status, exitCode));
        }

        private void put(InvocationStatus status, Integer exitCode) {
            InvocationState state = new InvocationState(invocationId, taskId, requester, target, status, createdAt,
                    Timestamps.seconds(clock.instant()), exitCode, stateRev++, Map.of());
            try {
                client.require().putState(roomId, EventTypes.INVOCATION, invocationId, ProtocolCodec.encode(state));
            } catch (MatrixException e) {
                if (refusedRooms.add(roomId)) {
                    log.warn("cannot publish invocation.v1 in {} ({}); does this agent's account have power level "
                            + "50 there (mx-agent workspace grant)?", roomId, e.getMessage());
                } else {
                    log.debug("invocation.v1 {} {} not published: {}", invocationId, status.wire(), e.getMessage());
                }
            }
        }
    }
}
