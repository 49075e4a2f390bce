package org.mxagent.adapter.claude.impl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mxagent.adapter.spi.AgentAdapter;
import org.mxagent.adapter.spi.AgentWork;
import org.mxagent.adapter.spi.Detection;
import org.mxagent.adapter.spi.Executables;
import org.mxagent.adapter.spi.LaunchPlan;
import org.mxagent.adapter.spi.OutputParser;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Claude Code in its non-interactive streaming JSON mode: {@code claude -p --output-format stream-json --verbose},
 * the prompt on stdin (never in argv, where {@code ps} would show it and a leading dash would parse as a flag).
 */
@Component(service = AgentAdapter.class, configurationPid = ClaudeAdapter.PID,
        property = AgentAdapter.NAME_PROPERTY + "=claude")
@Designate(ocd = ClaudeAdapter.Config.class)
public final class ClaudeAdapter implements AgentAdapter {
    static final String PID = "org.mxagent.adapter.claude";
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+\\S*)");

    @ObjectClassDefinition(name = "mx-agent adapter: Claude Code")
    public @interface Config {
        @AttributeDefinition(description = "the claude executable: a path, or a name searched on PATH")
        String binary() default "claude";

        @AttributeDefinition(description = "model (--model); empty: Claude Code's default")
        String model() default "";

        @AttributeDefinition(description = "tools allowed without asking (--allowed-tools) when the work names none")
        String[] allowed_tools() default {};

        @AttributeDefinition(description = "permission mode (--permission-mode); empty: Claude Code's default")
        String permission_mode() default "";

        @AttributeDefinition(description = "settings file or JSON (--settings), e.g. one with an apiKeyHelper")
        String settings() default "";

        @AttributeDefinition(description = "API base URL (ANTHROPIC_BASE_URL); empty: Claude Code's default")
        String base_url() default "";

        @AttributeDefinition(description = "further arguments appended as they are")
        String[] extra_args() default {};

        @AttributeDefinition(description = "time limit of the version probe in ms")
        long detect_timeout_ms() default 15_000L;
    }

    private volatile Config config;
    private final String searchPath;

    @Activate
    public ClaudeAdapter(Config config) {
        this(config, System.getenv("PATH"));
    }

    ClaudeAdapter(Config config, String searchPath) {
        this.config = config;
        this.searchPath = searchPath;
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "claude";
    }

    @Override
    public Detection detect() {
        Config current = config;
        return Executables.detectCli("Claude Code CLI", current.binary(), searchPath, VERSION,
                Duration.ofMillis(current.detect_timeout_ms()), "npm install -g @anthropic-ai/claude-code", PID);
    }

    @Override
    public LaunchPlan plan(AgentWork work) {
        Config current = config;
        String binary = Executables.find(current.binary(), searchPath).map(Object::toString).orElse(current.binary());
        List<String> argv = new ArrayList<>(List.of(binary, "-p", "--output-format", "stream-json", "--verbose"));
        String model = work.model().orElse(current.model());
        if (!model.isEmpty()) {
            argv.addAll(List.of("--model", model));
        }
        List<String> tools = work.allowedTools().isEmpty() ? List.of(current.allowed_tools()) : work.allowedTools();
        if (!tools.isEmpty()) {
            argv.add("--allowed-tools");
            argv.add(String.join(",", tools));
        }
        if (!current.permission_mode().isEmpty()) {
            argv.addAll(List.of("--permission-mode", current.permission_mode()));
        }
        if (!current.settings().isEmpty()) {
            argv.addAll(List.of("--settings", current.settings()));
        }
        argv.addAll(List.of(current.extra_args()));
        Map<String, String> env = new LinkedHashMap<>();
        // Documented Claude Code switches: no self-update, no telemetry or other non-essential traffic.
        env.put("DISABLE_AUTOUPDATER", "1");
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        if (!current.base_url().isEmpty()) {
            env.put("ANTHROPIC_BASE_URL", current.base_url());
        }
        return new LaunchPlan(argv, work.cwd(), env, Optional.empty(), Optional.of(work.prompt()), Optional.empty());
    }

    @Override
    public OutputParser newParser(AgentWork work) {
        return new ClaudeStreamParser();
    }
}
