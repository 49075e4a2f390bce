package org.mxagent.adapter.shell.impl;

import java.time.Duration;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Any command: the prompt is a shell script ({@code <shell> -c <prompt>}); each output line is a MESSAGE, exit 0
 * is the RESULT (the last stdout line), anything else an ERROR with the stderr tail.
 */
@Component(service = AgentAdapter.class, configurationPid = ShellAdapter.PID,
        property = AgentAdapter.NAME_PROPERTY + "=shell")
@Designate(ocd = ShellAdapter.Config.class)
public final class ShellAdapter implements AgentAdapter {
    static final String PID = "org.mxagent.adapter.shell";

    @ObjectClassDefinition(name = "mx-agent adapter: shell command")
    public @interface Config {
        @AttributeDefinition(description = "the shell: a path, or a name searched on PATH")
        String binary() default "/bin/sh";

        @AttributeDefinition(description = "run on a PTY (Ctrl-C first on cancel) instead of batch pipes")
        boolean pty() default false;

        @AttributeDefinition(description = "further arguments before -c")
        String[] extra_args() default {};
    }

    private volatile Config config;
    private final String searchPath;

    @Activate
    public ShellAdapter(Config config) {
        this(config, System.getenv("PATH"));
    }

    ShellAdapter(Config config, String searchPath) {
        this.config = config;
        this.searchPath = searchPath;
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public Detection detect() {
        return Executables.find(config.binary(), searchPath)
                .map(path -> Detection.found(path.toString(), Optional.empty()))
                .orElseGet(() -> Detection.missing("shell '" + config.binary() + "' not found; set 'binary' in "
                        + "configuration PID " + PID));
    }

    @Override
    public LaunchPlan plan(AgentWork work) {
        Config current = config;
        String shell = Executables.find(current.binary(), searchPath).map(Object::toString).orElse(current.binary());
        List<String> argv = new java.util.ArrayList<>();
        argv.add(shell);
        argv.addAll(List.of(current.extra_args()));
        argv.addAll(List.of("-c", work.prompt()));
        return current.pty()
                ? new LaunchPlan(argv, work.cwd(), Map.of(), Optional.of(new LaunchPlan.PtySize(24, 80)),
                        Optional.empty(), Optional.of(new LaunchPlan.Interrupt("\u0003", Duration.ofSeconds(3))))
                : LaunchPlan.batch(argv, work.cwd());
    }

    @Override
    public OutputParser newParser(AgentWork work) {
        return new LineParser() {
            private String lastLine = "";

            @Override
            protected void line(OutputChannel channel, String line, Consumer<Progress> progress) {
                if (channel != OutputChannel.STDERR && !line.isEmpty()) {
                    lastLine = line;
                }
                progress.accept(Progress.of(Progress.Kind.MESSAGE, line,
                        Map.of("stream", channel.name().toLowerCase(java.util.Locale.ROOT))));
            }

            @Override
            protected void end(ExitInfo exit, boolean terminalSeen, Consumer<Progress> progress) {
                if (exit.succeeded()) {
                    progress.accept(Progress.of(Progress.Kind.RESULT, lastLine));
                } else {
                    String stderr = stderrTail();
                    progress.accept(Progress.of(Progress.Kind.ERROR, "command failed (" + exit.describe() + ")"
                            + (stderr.isEmpty() ? "" : ": " + stderr)));
                }
            }
        };
    }
}
