package org.mxagent.adapter.codex.impl;

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
 * The OpenAI Codex CLI in its non-interactive JSON mode: {@code codex exec --json --skip-git-repo-check
 * --ephemeral … -}, the prompt on stdin (never in argv, where {@code ps} shows it). Codex authenticates from
 * {@code $CODEX_HOME/auth.json} ({@code codex login}); the runtime never passes {@code OPENAI_API_KEY} to agents.
 */
@Component(service = AgentAdapter.class, configurationPid = CodexAdapter.PID,
        property = AgentAdapter.NAME_PROPERTY + "=codex")
@Designate(ocd = CodexAdapter.Config.class)
public final class CodexAdapter implements AgentAdapter {
    static final String PID = "org.mxagent.adapter.codex";
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+\\S*)");

    @ObjectClassDefinition(name = "mx-agent adapter: OpenAI Codex CLI")
    public @interface Config {
        @AttributeDefinition(description = "the codex executable: a path, or a name searched on PATH")
        String binary() default "codex";

        @AttributeDefinition(description = "model (-m); empty: Codex's default")
        String model() default "";

        @AttributeDefinition(description = "OpenAI API base URL (-c openai_base_url=…); empty: Codex's default")
        String base_url() default "";

        @AttributeDefinition(description = "CODEX_HOME (config and auth.json); empty: the runtime user's ~/.codex")
        String codex_home() default "";

        @AttributeDefinition(description = "Codex's own sandbox for the commands it runs (-s): read-only | "
                + "workspace-write | danger-full-access; empty: Codex's default")
        String sandbox() default "";

        @AttributeDefinition(description = "further arguments appended as they are (before the prompt)")
        String[] extra_args() default {};

        @AttributeDefinition(description = "time limit of the version probe in ms")
        long detect_timeout_ms() default 15_000L;
    }

    private volatile Config config;
    private final String searchPath;

    @Activate
    public CodexAdapter(Config config) {
        this(config, System.getenv("PATH"));
    }

    CodexAdapter(Config config, String searchPath) {
        this.config = config;
        this.searchPath = searchPath;
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "codex";
    }

    @Override
    public Detection detect() {
        Config current = config;
        return Executables.detectCli("Codex CLI", current.binary(), searchPath, VERSION,
                Duration.ofMillis(current.detect_timeout_ms()), "npm install -g @openai/codex", PID);
    }

    @Override
    public LaunchPlan plan(AgentWork work) {
        Config current = config;
        String binary = Executables.find(current.binary(), searchPath).map(Object::toString).orElse(current.binary());
        List<String> argv = new ArrayList<>(List.of(binary, "exec", "--json", "--skip-git-repo-check",
                "--ephemeral", "--color", "never"));
        String model = work.model().orElse(current.model());
        if (!model.isEmpty()) {
            argv.addAll(List.of("-m", model));
        }
        if (!current.sandbox().isEmpty()) {
            argv.addAll(List.of("-s", current.sandbox()));
        }
        if (!current.base_url().isEmpty()) {
            // a TOML string: the URL is quoted so that Codex does not parse it as anything else
            argv.addAll(List.of("-c", "openai_base_url=\"" + current.base_url().replace("\"", "") + "\""));
        }
        argv.addAll(List.of(current.extra_args()));
        argv.add("-"); // the prompt comes on stdin
        Map<String, String> env = new LinkedHashMap<>();
        if (!current.codex_home().isEmpty()) {
            env.put("CODEX_HOME", current.codex_home());
        }
        return new LaunchPlan(argv, work.cwd(), env, Optional.empty(), Optional.of(work.prompt()), Optional.empty());
    }

    @Override
    public OutputParser newParser(AgentWork work) {
        return new CodexJsonParser();
    }
}
