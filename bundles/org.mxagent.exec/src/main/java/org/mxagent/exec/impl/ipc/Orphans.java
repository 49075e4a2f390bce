package org.mxagent.exec.impl.ipc;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mxagent.exec.impl.requester.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Sessions whose CLI went away: when the connection that streamed a session closes before it finished, and no
 * client reads it again within {@value #GRACE_SECONDS} s (a CLI that was killed, a lost terminal), the session is
 * cancelled (a signed {@code exec.cancel} for a remote run), as a remote shell gets SIGHUP when its connection
 * drops. A normal CLI keeps its connection until it has the result.
 */
@Component(service = Orphans.class)
public final class Orphans {
    static final long GRACE_SECONDS = 10;

    private final ScheduledExecutorService timer;
    private final Logger log;

    @Activate
    public Orphans(@Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mx-agent exec orphans");
            thread.setDaemon(true);
            return thread;
        });
    }

    void clientGone(Session session) {
        if (session.frames().isFinished()) {
            return;
        }
        long goneAt = System.nanoTime();
        timer.schedule(() -> {
            if (!session.frames().isFinished() && session.lastReadNanos() - goneAt < 0
                    && session.cancel("requester_gone")) {
                log.info("{} {}: its client went away and nobody re-attached within {} s; cancelled",
                        session.kind(), session.invocationId(), GRACE_SECONDS);
            }
        }, GRACE_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }
}
