package org.mxagent.daemon.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;

/**
 * Runs a named method within the time budget. Each call runs on a worker thread so the connection thread can
 * give up on it at the deadline; anything other than an {@link IpcException} becomes an internal error whose
 * stack trace goes to the daemon log, not to the client.
 */
public final class Dispatcher implements AutoCloseable {
    private final MethodRegistry methods;
    private final Duration budget;
    private final ThreadPoolExecutor workers;

    public Dispatcher(MethodRegistry methods, Duration budget, int maxConcurrentCalls) {
        this.methods = methods;
        this.budget = budget;
        this.workers = new ThreadPoolExecutor(0, maxConcurrentCalls, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new NamedThreads("mx-agent-ipc-call"));
    }

    JsonNode dispatch(String name, JsonNode params, ActiveCall call) throws IpcException {
        IpcMethod method = methods.find(name).orElseThrow(() -> IpcException.unknownMethod(name));
        Future<JsonNode> pending;
        try {
            pending = workers.submit(() -> method.call(params, call));
        } catch (RejectedExecutionException busy) {
            throw IpcException.failed(workers.isShutdown() ? "daemon is shutting down"
                    : "daemon is busy: " + workers.getMaximumPoolSize() + " calls in progress; try again");
        }
        try {
            return pending.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw translate(name, e.getCause());
        } catch (TimeoutException e) {
            // End the call first, so nothing the interrupted method still tries to stream can reach the client.
            call.end();
            pending.cancel(true);
            DaemonLog.warn(name + " ran out of its " + describe(budget) + " budget and was interrupted");
            throw IpcException.failed(name + " did not finish within " + describe(budget));
        } catch (InterruptedException e) {
            call.end();
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw IpcException.failed("daemon is shutting down");
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    private static IpcException translate(String name, Throwable failure) {
        if (failure instanceof IpcException expected) {
            Throwable cause = expected.getCause();
            if (cause != null) {
                boolean sameText = cause.getMessage() != null && cause.getMessage().equals(expected.getMessage());
                DaemonLog.warn(name + " failed: " + expected.getMessage() + " ("
                        + (sameText ? cause.getClass().getName() : "cause: " + cause) + ")");
            }
            return expected;
        }
        DaemonLog.error(name + " threw an unexpected exception", failure);
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getName();
        return IpcException.internal(name + " failed: " + message);
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
