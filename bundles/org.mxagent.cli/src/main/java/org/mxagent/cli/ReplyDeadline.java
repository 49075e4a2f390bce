package org.mxagent.cli;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * Closes the connection if the daemon has not answered in time, which makes the blocked read fail; the
 * caller then sees {@link #fired()} and reports a requester-side timeout. Blocking socket channels have no
 * read timeout of their own.
 */
final class ReplyDeadline implements Runnable, AutoCloseable {
    private final Closeable connection;
    private final long deadlineNanos;
    private final Thread watcher;
    private volatile boolean done;
    private volatile boolean fired;

    ReplyDeadline(Closeable connection, long timeoutMillis) {
        this.connection = connection;
        this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000L;
        this.watcher = new Thread(this, "mx-agent-reply-deadline");
        watcher.setDaemon(true);
        watcher.start();
    }

    @Override
    public void run() {
        long remaining = deadlineNanos - System.nanoTime();
        while (!done && remaining > 0) {
            LockSupport.parkNanos(this, remaining);
            remaining = deadlineNanos - System.nanoTime();
        }
        if (done) {
            return;
        }
        fired = true;
        try {
            connection.close();
        } catch (IOException e) {
            System.err.println("mx-agent: could not close the connection after the reply timeout: " + e.getMessage());
        }
    }

    boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        done = true;
        LockSupport.unpark(watcher);
    }
}
