package org.mxagent.exec.impl.wire;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.service.log.Logger;

/**
 * Runs tasks one at a time, in submission order, on a shared executor: one per invocation keeps its events in
 * order without a thread of its own. A queue created {@code held} collects tasks until {@link #release()} (a run
 * whose output may start before its {@code exec.accepted} is decided). A task that throws is logged and the
 * queue goes on.
 */
public final class SerialQueue {
    private final Executor executor;
    private final Logger log;
    private final String name;
    private final Deque<Runnable> tasks = new ArrayDeque<>();
    private boolean held;
    private boolean running;
    private int pending;

    public SerialQueue(Executor executor, Logger log, String name, boolean held) {
        this.executor = executor;
        this.log = log;
        this.name = name;
        this.held = held;
    }

    public void submit(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            pending++;
            if (held || running) {
                return;
            }
            running = true;
        }
        schedule();
    }

    /** Puts {@code task} before everything queued so far (e.g. {@code exec.accepted} before held output). */
    public void submitFirst(Runnable task) {
        synchronized (this) {
            tasks.addFirst(task);
            pending++;
        }
    }

    /** Starts running what was collected while held. */
    public void release() {
        synchronized (this) {
            held = false;
            if (running || tasks.isEmpty()) {
                return;
            }
            running = true;
        }
        schedule();
    }

    /** Tasks submitted and not finished (the one running included): the send backlog. */
    public synchronized int backlog() {
        return pending;
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException stopping) {
            synchronized (this) {
                running = false;
            }
            log.warn("{}: the runtime is stopping; {} queued task(s) dropped", name, backlog());
        }
    }

    private void drain() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("{}: a queued task failed", name, e);
            } finally {
                synchronized (this) {
                    pending--;
                }
            }
        }
    }
}
