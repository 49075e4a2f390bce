package com.example.hello;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mxagent.adapter.spi.AgentAdapter;
import org.mxagent.adapter.spi.AgentWork;
import org.mxagent.adapter.spi.Detection;
import org.mxagent.adapter.spi.Executables;
import org.mxagent.adapter.spi.ExitInfo;
import org.mxagent.adapter.spi.LaunchPlan;
import org.mxagent.adapter.spi.LineParser;
import org.mxagent.adapter.spi.OutputChannel;
import org.mxagent.adapter.spi.OutputParser;
import org.mxagent.adapter.spi.Progress;
import org.osgi.service.component.annotations.Component;

/** A toy "agent": greets whoever the prompt names, using /bin/echo. */
@Component(service = AgentAdapter.class, property = AgentAdapter.NAME_PROPERTY + "=hello")
public final class HelloAdapter implements AgentAdapter {
    @Override
    public String name() {
        return "hello";
    }

    @Override
    public Detection detect() {
        return Executables.find("echo", System.getenv("PATH"))
                .map(p -> Detection.found(p.toString(), Optional.of("1.0.0")))
                .orElseGet(() -> Detection.missing("no echo on PATH: install coreutils"));
    }

    @Override
    public LaunchPlan plan(AgentWork work) {
        return LaunchPlan.batch(List.of("echo", "Hello, " + work.prompt() + "!"), work.cwd());
    }

    @Override
    public OutputParser newParser(AgentWork work) {
        return new LineParser() {
            private String greeting = "";

            @Override
            protected void line(OutputChannel channel, String line, Consumer<Progress> progress) {
                greeting = line;
                progress.accept(Progress.of(Progress.Kind.MESSAGE, line, Map.of()));
            }

            @Override
            protected void end(ExitInfo exit, boolean terminalSeen, Consumer<Progress> progress) {
                progress.accept(exit.succeeded() ? Progress.of(Progress.Kind.RESULT, greeting)
                        : Progress.of(Progress.Kind.ERROR, "echo failed (" + exit.describe() + ")"));
            }
        };
    }
}
