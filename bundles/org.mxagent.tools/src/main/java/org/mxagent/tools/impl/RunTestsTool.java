package org.mxagent.tools.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.terminal.api.LocalExec;
import org.mxagent.tool.spi.Tool;
import org.mxagent.tool.spi.ToolContext;
import org.mxagent.tool.spi.ToolException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code run_tests@1.0.0}: runs the project's test command, which only the operator configures (PID
 * {@code org.mxagent.tools.run_tests}; without a configuration the tool is not offered). The caller may only pick
 * the directory, within the allowed paths. The command runs through {@link LocalExec} under the call's allowance;
 * the answer is the exit status and the last {@code tail_bytes} of the combined output.
 */
@Component(service = Tool.class, configurationPid = RunTestsTool.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RunTestsTool.Config.class)
public final class RunTestsTool implements Tool {
    static final String PID = "org.mxagent.tools.run_tests";

    @ObjectClassDefinition(name = "mx-agent tool run_tests",
            description = "The test command other agents may run with call --tool run_tests")
    public @interface Config {
        @AttributeDefinition(description = "The command and its arguments, e.g. mvn, -B, -q, test")
        String[] command();

        @AttributeDefinition(description = "Default working directory (absolute); a call may name another one "
                + "within its allowed paths")
        String cwd() default "";

        @AttributeDefinition(description = "Bytes of the end of the output returned (at most 32768)", min = "256",
                max = "32768")
        int tail_bytes() default 16_384;
    }

    private static final JsonNode INPUT = Schemas.parse("""
            {"type":"object","additionalProperties":false,"properties":{
              "cwd":{"type":"string","description":"absolute directory within the allowed paths (default: configured)"}}}""");
    private static final JsonNode OUTPUT = Schemas.parse("""
            {"type":"object","properties":{"command":{"type":"array","items":{"type":"string"}},
              "cwd":{"type":"string"},"passed":{"type":"boolean"},"exit_code":{"type":["integer","null"]},
              "signal":{"type":["string","null"]},"duration_ms":{"type":"integer"},"output_tail":{"type":"string"},
              "truncated":{"type":"boolean"}}}""");

    private final ProcessRunner runner;
    private final List<String> command;
    private final String defaultCwd;
    private final int tailBytes;

    @Activate
    public RunTestsTool(Config config, @Reference LocalExec exec) {
        if (config.command() == null || config.command().length == 0) {
            throw new IllegalArgumentException(PID + ": command must not be empty");
        }
        this.runner = new ProcessRunner(exec);
        this.command = List.of(config.command());
        this.defaultCwd = config.cwd();
        this.tailBytes = Math.max(256, Math.min(32_768, config.tail_bytes()));
    }

    @Override
    public String name() {
        return "run_tests";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Run the project's configured test command; returns pass/fail and the end of the output.";
    }

    @Override
    public JsonNode inputSchema() {
        return INPUT;
    }

    @Override
    public JsonNode outputSchema() {
        return OUTPUT;
    }

    @Override
    public JsonNode call(JsonNode args, ToolContext context) throws ToolException, InterruptedException {
        Optional<String> requested = Args.text(args, "cwd");
        if (requested.isEmpty() && defaultCwd.isBlank()) {
            throw new ToolException(ToolException.Kind.INVALID_ARGUMENTS, "no cwd given and none configured");
        }
        Path cwd = context.paths().resolve(requested.orElse(defaultCwd));
        ProcessRunner.Outcome outcome = runner.run(context.invocationId(), command, cwd, context.allowance(), 0,
                tailBytes);
        ObjectNode result = ProtocolJson.newObject();
        result.putArray("command").addAll(command.stream().map(ProtocolJson.nodes()::textNode).toList());
        result.put("cwd", cwd.toString());
        Integer exit = outcome.result().exitCode();
        result.put("passed", exit != null && exit == 0);
        if (exit != null) {
            result.put("exit_code", exit);
        } else {
            result.putNull("exit_code");
        }
        if (outcome.result().signal() != null) {
            result.put("signal", outcome.result().signal());
        } else {
            result.putNull("signal");
        }
        result.put("duration_ms", outcome.result().durationMs());
        result.put("output_tail", outcome.tail());
        result.put("truncated", !outcome.tailWhole());
        return result;
    }
}
