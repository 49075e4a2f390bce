package org.mxagent.adapter.impl;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.mxagent.adapter.api.AdapterRunner;
import org.mxagent.adapter.api.AdapterStatus;
import org.mxagent.adapter.api.AgentRun;
import org.mxagent.adapter.api.RunOutcome;
import org.mxagent.adapter.spi.AgentWork;
import org.mxagent.adapter.spi.Progress;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands of scope {@code adapter}: {@code adapter:list}, {@code adapter:run}. */
@Component(service = AdapterCommands.class, property = {"osgi.command.scope=adapter",
    "osgi.command.function=list", "osgi.command.function=run"})
public final class AdapterCommands {
    private final AdapterRunner runner;

    @Activate
    public AdapterCommands(@Reference AdapterRunner runner) {
        this.runner = runner;
    }

    @Descriptor("list the installed agent adapters and whether their CLI is there (version, or what to do)")
    public String list() {
        List<AdapterStatus> statuses = runner.adapters();
        if (statuses.isEmpty()) {
            return "no adapters registered: install and start an adapter bundle (e.g. org.mxagent.adapter.shell)";
        }
        StringBuilder out = new StringBuilder();
        for (AdapterStatus status : statuses) {
            var d = status.detection();
            out.append(String.format("%-10s %-30s %s%n", status.name(), status.bundle(), d.installed()
                    ? "installed " + d.version().orElse("(version unknown)") + " at " + d.binary().orElse("?")
                    : "NOT INSTALLED: " + d.problem().orElse("")));
        }
        return out.toString().stripTrailing();
    }

    @Descriptor("run an agent on a prompt and print its progress until it ends")
    public String run(
            @Descriptor("working directory (default: the runtime's)") @Parameter(names = {"-C", "--cwd"},
                    absentValue = "") String cwd,
            @Descriptor("model override") @Parameter(names = {"-m", "--model"}, absentValue = "") String model,
            @Descriptor("adapter name (adapter:list)") String adapter,
            @Descriptor("the prompt") String... prompt) throws Exception {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("usage: adapter:run [-C dir] [-m model] <adapter> <prompt...>");
        }
        Path dir = Path.of(cwd.isEmpty() ? System.getProperty("user.dir") : cwd).toAbsolutePath();
        AgentWork work = new AgentWork("inv_" + UUID.randomUUID().toString().replace("-", ""),
                String.join(" ", prompt), dir, List.of(), model.isEmpty() ? Optional.empty() : Optional.of(model),
                Map.of());
        BlockingQueue<Progress> queue = new LinkedBlockingQueue<>();
        AgentRun run = runner.startLocal(adapter, work, queue::add);
        CompletableFuture<RunOutcome> finished = run.onFinished().toCompletableFuture();
        try {
            // Print on this (the session's) thread: Gogo routes System.out per session thread.
            while (!finished.isDone() || !queue.isEmpty()) {
                Progress event = queue.poll(100, TimeUnit.MILLISECONDS);
                if (event != null) {
                    System.out.println(ProgressJson.line(event));
                }
            }
            RunOutcome outcome = finished.get();
            return (outcome.succeeded() ? "done" : "FAILED") + " (" + outcome.exit().describe() + ", "
                    + outcome.durationMs() + " ms)";
        } catch (InterruptedException e) {
            run.cancel("interrupted at the shell");
            Thread.currentThread().interrupt();
            throw e;
        }
    }
}
