package org.mxagent.tools.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.terminal.api.LocalExec;
import org.mxagent.tool.spi.Tool;
import org.mxagent.tool.spi.ToolContext;
import org.mxagent.tool.spi.ToolException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code git_status@1.0.0}: branch, upstream, ahead/behind and changed paths of a repository within the allowed
 * paths. git runs through {@link LocalExec} under the call's allowance, with {@code --no-optional-locks} (a status
 * never writes the index) and {@code core.fsmonitor=false} (a repository's own config could otherwise name a
 * program for git to run). At most {@value #MAX_ENTRIES} entries.
 */
@Component(service = Tool.class)
public final class GitStatusTool implements Tool {
    static final int MAX_ENTRIES = 500;
    private static final Pattern BRANCH = Pattern.compile(
            "## (?:No commits yet on )?(?<branch>[^.\\s]+(?:\\.[^.\\s]+)*)(?:\\.\\.\\.(?<upstream>\\S+))?"
                    + "(?: \\[(?:ahead (?<ahead>\\d+))?(?:, )?(?:behind (?<behind>\\d+))?(?:gone)?\\])?.*");
    private static final JsonNode INPUT = Schemas.parse("""
            {"type":"object","required":["cwd"],"additionalProperties":false,"properties":{
              "cwd":{"type":"string","description":"absolute path of the repository (or a directory in it)"}}}""");
    private static final JsonNode OUTPUT = Schemas.parse("""
            {"type":"object","properties":{"branch":{"type":"string"},"upstream":{"type":["string","null"]},
              "ahead":{"type":"integer"},"behind":{"type":"integer"},"clean":{"type":"boolean"},
              "entries":{"type":"array","items":{"type":"object","properties":{"status":{"type":"string"},
                "path":{"type":"string"},"orig_path":{"type":"string"}}}},"truncated":{"type":"boolean"}}}""");

    private final ProcessRunner runner;

    @Activate
    public GitStatusTool(@Reference LocalExec exec) {
        this.runner = new ProcessRunner(exec);
    }

    @Override
    public String name() {
        return "git_status";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "git status of a repository within the allowed paths: branch, upstream, ahead/behind, changed paths.";
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
        Path cwd = context.paths().resolve(Args.requiredText(args, "cwd"));
        ProcessRunner.Outcome outcome = runner.run(context.invocationId(), List.of("git", "--no-optional-locks", "-c",
                "core.fsmonitor=false", "-c", "color.status=false", "status", "--porcelain=v1", "--branch", "-z"),
                cwd, context.allowance(), 1024 * 1024, 4096);
        Integer exit = outcome.result().exitCode();
        if (exit == null || exit != 0) {
            throw new ToolException(ToolException.Kind.FAILED, "git status failed (exit " + exit + ", signal "
                    + outcome.result().signal() + "): " + new String(outcome.stderr(), StandardCharsets.UTF_8).strip());
        }
        return parse(new String(outcome.stdout(), StandardCharsets.UTF_8), !outcome.keptAll());
    }

    /** Parses {@code git status --porcelain=v1 --branch -z}. */
    static ObjectNode parse(String porcelain, boolean truncated) {
        ObjectNode result = ProtocolJson.newObject();
        result.put("branch", "");
        result.putNull("upstream");
        result.put("ahead", 0);
        result.put("behind", 0);
        ArrayNode entries = ProtocolJson.newObject().arrayNode();
        String[] records = porcelain.split("\0");
        boolean more = truncated;
        for (int i = 0; i < records.length; i++) {
            String record = records[i];
            if (record.startsWith("## ")) {
                branch(record, result);
            } else if (record.length() > 3) {
                if (entries.size() >= MAX_ENTRIES) {
                    more = true;
                    break;
                }
                ObjectNode entry = entries.addObject();
                String status = record.substring(0, 2);
                entry.put("status", status);
                entry.put("path", record.substring(3));
                if ((status.charAt(0) == 'R' || status.charAt(0) == 'C') && i + 1 < records.length) {
                    entry.put("orig_path", records[++i]);
                }
            }
        }
        result.put("clean", entries.isEmpty() && !more);
        result.set("entries", entries);
        result.put("truncated", more);
        return result;
    }

    private static void branch(String record, ObjectNode result) {
        Matcher matcher = BRANCH.matcher(record);
        if (!matcher.matches()) {
            result.put("branch", record.substring(3));
            return;
        }
        result.put("branch", matcher.group("branch"));
        if (matcher.group("upstream") != null) {
            result.put("upstream", matcher.group("upstream"));
        }
        if (matcher.group("ahead") != null) {
            result.put("ahead", Integer.parseInt(matcher.group("ahead")));
        }
        if (matcher.group("behind") != null) {
            result.put("behind", Integer.parseInt(matcher.group("behind")));
        }
    }
}
