package org.mxagent.exec.impl.remote;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.mxagent.exec.api.RemoteExec;
import org.mxagent.exec.api.RemoteExecException;
import org.mxagent.exec.api.RemoteExecRequest;
import org.mxagent.exec.api.RemoteInvocation;
import org.mxagent.exec.impl.desk.ExecDesk;
import org.mxagent.exec.impl.desk.ExecParams;
import org.mxagent.exec.impl.requester.DeskException;
import org.mxagent.exec.impl.requester.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * {@link RemoteExec} for other bundles: starts a remote session through the {@link ExecDesk} (the code
 * {@code mx-agent exec --agent} uses: signing, result gate, stream reassembly, deadline) and reads its frames on a
 * thread of its own until the result, keeping the stdout tail.
 */
@Component(service = RemoteExec.class)
public final class RemoteExecService implements RemoteExec {
    private final ExecDesk desk;
    private final Logger log;
    private final ExecutorService readers;

    @Activate
    public RemoteExecService(@Reference ExecDesk desk, @Reference(service = LoggerFactory.class) Logger log) {
        this.desk = desk;
        this.log = log;
        AtomicInteger count = new AtomicInteger();
        this.readers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "mx-agent remote exec reader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public RemoteInvocation start(RemoteExecRequest request) throws RemoteExecException {
        ExecParams params = new ExecParams(Optional.of(request.roomId()), Optional.of(request.targetAgent()),
                Optional.of(request.requestingAgent()), request.argv(), request.cwd().orElse(""), request.env(),
                request.timeoutMs(), false, false, 0, 0, false);
        Session session;
        try {
            session = request.invocationId().isPresent()
                    ? desk.startExec(params, request.invocationId().get()) : desk.startExec(params);
        } catch (DeskException e) {
            throw new RemoteExecException("cannot start the exec on " + request.targetAgent() + ": "
                    + e.getMessage(), e);
        }
        SessionResult result = new SessionResult(session, log);
        readers.execute(result::read);
        return result;
    }

    @Deactivate
    void deactivate() {
        readers.shutdownNow();
    }
}
