package org.mxagent.exec.impl.requester;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The sessions this runtime requested, by invocation id (and by {@code request_id} for calls). A finished
 * session stays for {@code keepMillis} so a CLI that reconnects can still read its result.
 */
public final class Sessions {
    private final Map<String, Session> byInvocation = new ConcurrentHashMap<>();
    private final Map<String, Session> byRequest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final long keepMillis;

    public Sessions(ScheduledExecutorService timer, long keepMillis) {
        this.timer = timer;
        this.keepMillis = keepMillis;
    }

    public void add(Session session) {
        byInvocation.put(session.invocationId(), session);
        session.requestId().ifPresent(id -> byRequest.put(id, session));
    }

    public Optional<Session> find(String invocationId) {
        return Optional.ofNullable(byInvocation.get(invocationId));
    }

    public Optional<Session> findByRequest(String requestId) {
        return Optional.ofNullable(byRequest.get(requestId));
    }

    public List<Session> all() {
        return List.copyOf(byInvocation.values());
    }

    /** The session finished: forget it after the keep period. */
    public void retire(Session session) {
        timer.schedule(() -> remove(session), keepMillis, TimeUnit.MILLISECONDS);
    }

    public void remove(Session session) {
        byInvocation.remove(session.invocationId(), session);
        session.requestId().ifPresent(id -> byRequest.remove(id, session));
    }
}
