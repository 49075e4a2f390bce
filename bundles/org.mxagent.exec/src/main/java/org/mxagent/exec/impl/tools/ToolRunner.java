package org.mxagent.exec.impl.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mxagent.tool.spi.Tool;
import org.mxagent.tool.spi.ToolException;
import org.osgi.service.log.Logger;

/** Runs one tool call on a worker thread within its allowance's timeout; a call past it is interrupted. */
public final class ToolRunner {
    private final ToolCatalog catalog;
    private final ExecutorService pool;
    private final Logger log;

    public ToolRunner(ToolCatalog catalog, ExecutorService pool, Logger log) {
        this.catalog = catalog;
        this.pool = pool;
        this.log = log;
    }

    /** Blocks until the call ends (or its time is up). */
    public CallOutcome run(String requested, JsonNode args, CallContext context) {
        Optional<Tool> tool = catalog.resolve(requested);
        if (tool.isEmpty()) {
            return CallOutcome.failure("unknown_tool", catalog.whyNot(requested));
        }
        long timeoutMs = context.allowance().timeoutMs();
        Future<JsonNode> call = pool.submit(() -> tool.get().call(args, context));
        try {
            JsonNode result = call.get(timeoutMs, TimeUnit.MILLISECONDS);
            return result == null ? CallOutcome.failure("failed", "the tool returned no result")
                    : CallOutcome.success(result);
        } catch (TimeoutException e) {
            call.cancel(true);
            return CallOutcome.failure("timeout", "the tool did not finish within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return CallOutcome.failure("failed", "the call was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ToolException failed) {
                return CallOutcome.failure(failed.code(), failed.getMessage());
            }
            log.warn("tool {} failed on invocation {}", requested, context.invocationId(), cause);
            return CallOutcome.failure("failed", ToolCatalog.key(tool.get()) + " failed: " + cause);
        }
    }
}
