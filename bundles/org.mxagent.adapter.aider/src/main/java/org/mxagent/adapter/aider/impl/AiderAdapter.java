package org.mxagent.adapter.aider.impl;

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
 * Aider non-interactively: {@code aider --message-file /dev/stdin --yes-always --no-pretty …}, the prompt on stdin.
 * Aider has no JSON mode, so {@link AiderOutputParser} reads its plain output. Credentials come from an Aider
 * config file ({@code openai-api-key:} in {@code ~/.aider.conf.yml} or the file set as {@code config_file}); the
 * runtime never passes {@code OPENAI_API_KEY} to agents.
 */
@Component(service = AgentAdapter.class, configurationPid = AiderAdapter.PID,
        property = AgentAdapter.NAME_PROPERTY + "=aider")
@Designate(ocd = AiderAdapter.Config.class)
public final class AiderAdapter implements AgentAdapter {
    static final String PID = "org.mxagent.adapter.aider";
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+\\S*)");

    @ObjectClassDefinition(name = "mx-agent adapter: Aider")
    public @interface Config {
        @AttributeDefinition(description = "the aider executable: a path, or a name searched on PATH")
        String binary() default "aider";

        @AttributeDefinition(description = "model (--model), e.g. openai/gpt-4o; empty: Aider's default")
        String model() default "";

        @AttributeDefinition(description = "OpenAI-compatible API base URL (--openai-api-base); empty: default")
        String base_url() default "";

        @AttributeDefinition(description = "Aider config file (--config) holding e.g. openai-api-key; empty: "
                + "Aider's own search (~/.aider.conf.yml, the repo's)")
        String config_file() default "";

        @AttributeDefinition(description = "let Aider commit its edits to git (off: --no-git --no-auto-commits)")
        boolean git() default false;

        @AttributeDefinition(description = "further arguments appended as they are")
        String[] extra_args() default {};

        @AttributeDefinition(description = "time limit of the version probe in ms")
        long detect_timeout_ms() default 30_000L;
    }

    private volatile Config config;
    private final String searchPath;

    @Activate
    public AiderAdapter(Config config) {
        this(config, System.getenv("PATH"));
    }

    AiderAdapter(Config config, String searchPath) {
        this.config = config;
        this.searchPath = searchPath;
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "aider";
    }

    @Override
    public Detection detect() {
        Config current = config;
        return Executables.detectCli("Aider", current.binary(), searchPath, VERSION,
                Duration.ofMillis(current.detect_timeout_ms()), "python3 -m pip install aider-chat", PID);
    }

    @Override
    public LaunchPlan plan(AgentWork work) {
        Config current = config;
        String binary = Executables.find(current.binary(), searchPath).map(Object::toString).orElse(current.binary());
        // /dev/stdin keeps the prompt out of argv (ps) and lets it start with a dash.
        List<String> argv = new ArrayList<>(List.of(binary, "--message-file", "/dev/stdin", "--yes-always",
                "--no-pretty", "--no-fancy-input", "--no-check-update", "--no-analytics", "--no-show-model-warnings",
                "--no-show-release-notes"));
        if (!current.git()) {
            argv.addAll(List.of("--no-git", "--no-auto-commits"));
        }
        String model = work.model().orElse(current.model());
        if (!model.isEmpty()) {
            argv.addAll(List.of("--model", model));
        }
        if (!current.base_url().isEmpty()) {
            argv.addAll(List.of("--openai-api-base", current.base_url()));
        }
        if (!current.config_file().isEmpty()) {
            argv.addAll(List.of("--config", current.config_file()));
        }
        argv.addAll(List.of(current.extra_args()));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LITELLM_LOCAL_MODEL_COST_MAP", "True"); // litellm reads its bundled price list, not the web
        return new LaunchPlan(argv, work.cwd(), env, Optional.empty(), Optional.of(work.prompt()), Optional.empty());
    }

    @Override
    public OutputParser newParser(AgentWork work) {
        return new AiderOutputParser();
    }
}
