package org.mxagent.daemon.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;

/** One request in flight on a {@link Connection}: its stream frames and the actions tied to its reply. */
final class ActiveCall implements IpcCall {
    private final Connection connection;
    private final Request request;
    private final List<Runnable> afterReply = new ArrayList<>();
    /** Set once the final reply is decided; guarded by the connection's write lock. */
    private boolean ended;

    ActiveCall(Connection connection, Request request) {
        this.connection = connection;
        this.request = request;
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public int peerUid() {
        return connection.peerUid();
    }

    @Override
    public void stream(JsonNode chunk) throws IpcException {
        connection.writeStreamFrame(this, chunk);
    }

    @Override
    public synchronized void afterReply(Runnable action) {
        afterReply.add(action);
    }

    @Override
    public void whenConnectionCloses(Runnable cleanup) {
        connection.whenClosed(cleanup);
    }

    Request request() {
        return request;
    }

    /** Called under the connection's write lock. */
    boolean hasEnded() {
        return ended;
    }

    /** From now on no stream frame may be sent: the final reply is decided. */
    void end() {
        synchronized (connection.writeLock()) {
            ended = true;
        }
    }

    synchronized List<Runnable> afterReplyActions() {
        return List.copyOf(afterReply);
    }
}
