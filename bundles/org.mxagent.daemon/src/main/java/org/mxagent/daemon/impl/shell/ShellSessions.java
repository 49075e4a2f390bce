package org.mxagent.daemon.impl.shell;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.impl.DaemonLog;
import org.mxagent.daemon.impl.shell.ShellSession.ShellResult;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The open sessions of the shell.* methods, by id. The shell is optional: a distribution without Gogo still
 * runs the daemon and the shell methods say so. Sessions die with the backend that opened them.
 */
@Component(service = ShellSessions.class)
public final class ShellSessions {
    private final Map<String, Open> sessions = new ConcurrentHashMap<>();
    private volatile ShellBackend backend;

    /** DS binds the backend; tests pass one (or null) directly. */
    public ShellSessions() {}

    ShellSessions(ShellBackend backend) {
        this.backend = backend;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindBackend(ShellBackend candidate) {
        backend = candidate;
    }

    void unbindBackend(ShellBackend gone) {
        if (backend == gone) {
            backend = null;
        }
        sessions.forEach((id, open) -> {
            if (open.owner() == gone) {
                discard(id);
            }
        });
    }

    /** Opens a session and returns its id. */
    String open() throws IpcException {
        ShellBackend current = requireBackend();
        String id = UUID.randomUUID().toString();
        sessions.put(id, new Open(current, current.open()));
        return id;
    }

    /** Runs {@code command} in session {@code id}, or in a throwaway session when {@code id} is null. */
    ShellResult execute(String id, String command) throws IpcException {
        if (id != null) {
            Open open = sessions.get(id);
            if (open == null) {
                throw unknown(id);
            }
            return open.session().execute(command);
        }
        try (ShellSession throwaway = requireBackend().open()) {
            return throwaway.execute(command);
        }
    }

    void close(String id) throws IpcException {
        Open open = sessions.remove(id);
        if (open == null) {
            throw unknown(id);
        }
        open.session().close();
    }

    /** Closes {@code id} if it is still open: cleanup when its client disconnects or its backend goes. */
    void discard(String id) {
        Open open = sessions.remove(id);
        if (open == null) {
            return;
        }
        try {
            open.session().close();
        } catch (RuntimeException e) {
            DaemonLog.error("closing shell session " + id + " failed", e);
        }
    }

    int openCount() {
        return sessions.size();
    }

    @Deactivate
    void closeAll() {
        sessions.keySet().forEach(this::discard);
    }

    private ShellBackend requireBackend() throws IpcException {
        ShellBackend current = backend;
        if (current == null) {
            throw IpcException.failed("no Gogo shell in this runtime");
        }
        return current;
    }

    private static IpcException unknown(String id) {
        return IpcException.notFound("no shell session " + id + " (closed, or the daemon restarted since)");
    }

    private record Open(ShellBackend owner, ShellSession session) {}
}
