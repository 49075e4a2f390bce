package org.mxagent.adapter.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.mxagent.adapter.api.AdapterRunner;
import org.mxagent.adapter.api.AgentRun;
import org.mxagent.adapter.api.RunOutcome;
import org.mxagent.adapter.spi.AdapterException;
import org.mxagent.adapter.spi.AgentWork;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcException;
import org.mxagent.daemon.api.IpcMethod;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code adapter.run}: runs an agent under the runner's local allowance and streams every progress event as
 * {@code {"progress": {...}}}; the result is the outcome. A client that goes away cancels the run.
 */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=adapter.run")
public final class AdapterRunMethod implements IpcMethod {
    private final AdapterRunner runner;

    @Activate
    public AdapterRunMethod(@Reference AdapterRunner runner) {
        this.runner = runner;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) throws IpcException {
        AgentWork work = work(params);
        String adapter = params.path("adapter").asText("");
        List<IpcException> streamFailures = new ArrayList<>();
        AgentRun run;
        try {
            run = runner.startLocal(adapter, work, progress -> {
                try {
                    call.stream(JsonNodeFactory.instance.objectNode().set("progress", ProgressJson.progress(progress)));
                } catch (IpcException e) {
                    synchronized (streamFailures) {
                        streamFailures.add(e);
                    }
                }
            });
        } catch (AdapterException e) {
            throw e.reason() == AdapterException.Reason.NO_SUCH_ADAPTER ? IpcException.notFound(e.getMessage())
                    : IpcException.failed(e.getMessage(), e);
        }
        call.whenConnectionCloses(() -> run.cancel("client disconnected"));
        RunOutcome outcome;
        try {
            outcome = run.onFinished().toCompletableFuture().get();
        } catch (InterruptedException e) {
            run.cancel("daemon call interrupted");
            Thread.currentThread().interrupt();
            throw IpcException.failed("agent run " + work.id() + " interrupted; it was cancelled", e);
        } catch (ExecutionException e) {
            throw IpcException.failed("agent run " + work.id() + " failed inside the runtime: "
                    + e.getCause().getMessage(), e.getCause());
        }
        synchronized (streamFailures) {
            if (!streamFailures.isEmpty() && outcome.succeeded()) {
                throw IpcException.failed("progress could not be streamed to the client: "
                        + streamFailures.get(0).getMessage(), streamFailures.get(0));
            }
        }
        if (!outcome.succeeded()) {
            throw IpcException.failed(outcome.terminal().text(), Map.of("outcome", ProgressJson.outcome(outcome)));
        }
        return ProgressJson.outcome(outcome);
    }

    static AgentWork work(JsonNode params) throws IpcException {
        String adapter = params.path("adapter").asText("");
        String prompt = params.path("prompt").asText("");
        String cwd = params.path("cwd").asText("");
        if (adapter.isEmpty() || prompt.isEmpty() || cwd.isEmpty()) {
            throw IpcException.usage("adapter.run needs adapter, prompt and cwd (an absolute directory)");
        }
        if (!Path.of(cwd).isAbsolute()) {
            throw IpcException.usage("cwd must be absolute: " + cwd);
        }
        List<String> tools = new ArrayList<>();
        params.path("allowed_tools").forEach(tool -> tools.add(tool.asText()));
        Map<String, String> options = new HashMap<>();
        params.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        String model = params.path("model").asText("");
        String id = params.path("id").asText("");
        return new AgentWork(id.isEmpty() ? "inv_" + UUID.randomUUID().toString().replace("-", "") : id, prompt,
                Path.of(cwd), tools, model.isEmpty() ? Optional.empty() : Optional.of(model), options);
    }
}
