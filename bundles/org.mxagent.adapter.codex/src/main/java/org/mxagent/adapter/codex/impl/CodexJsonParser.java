package org.mxagent.adapter.codex.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.mxagent.adapter.spi.ExitInfo;
import org.mxagent.adapter.spi.LineParser;
import org.mxagent.adapter.spi.OutputChannel;
import org.mxagent.adapter.spi.Progress;

/**
 * {@code codex exec --json} JSONL: {@code thread.started}, {@code turn.started}, {@code item.started} /
 * {@code item.completed} (agent_message, reasoning, command_execution, file_change, mcp_tool_call, web_search,
 * todo_list, and non-fatal {@code error} items), top-level {@code error} (retries), then {@code turn.completed}
 * (usage) or {@code turn.failed} (error.message). Field shapes as seen from codex-cli 0.171.0.
 */
final class CodexJsonParser extends LineParser {
    static final String NO_CREDENTIALS_HINT = "Codex has no usable credentials. Log in as the user the runtime "
            + "runs as (`codex login`, or `printenv OPENAI_API_KEY | codex login --with-api-key`), or set "
            + "'codex_home' in PID org.mxagent.adapter.codex to a CODEX_HOME holding auth.json. The runtime never "
            + "passes OPENAI_API_KEY or other secrets from its environment to agents.";
    private static final int MAX_TOOL_OUTPUT = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private String threadId = "";
    private String lastMessage;
    private String lastError = "";

    @Override
    protected void line(OutputChannel channel, String line, Consumer<Progress> progress) {
        if (channel == OutputChannel.STDERR || line.isBlank()) {
            return; // Codex logs to stderr; kept in stderrTail() for the error message
        }
        JsonNode event;
        try {
            event = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            progress.accept(Progress.of(Progress.Kind.STATUS, line, Map.of("unparsed", "true")));
            return;
        }
        switch (event.path("type").asText()) {
            case "thread.started" -> {
                threadId = event.path("thread_id").asText("");
                progress.accept(Progress.of(Progress.Kind.STATUS, "session started", Map.of("thread_id", threadId)));
            }
            case "turn.started" -> progress.accept(Progress.of(Progress.Kind.STATUS, "turn started"));
            case "item.started" -> started(event.path("item"), progress);
            case "item.completed" -> completed(event.path("item"), progress);
            case "error" -> {
                lastError = event.path("message").asText("");
                progress.accept(Progress.of(Progress.Kind.STATUS, lastError, Map.of("error", "true")));
            }
            case "turn.completed" -> turnCompleted(event, progress);
            case "turn.failed" -> failed(event.path("error").path("message").asText(lastError), progress);
            default -> progress.accept(Progress.of(Progress.Kind.STATUS, event.path("type").asText("event"),
                    Map.of("raw", line.length() > MAX_TOOL_OUTPUT ? line.substring(0, MAX_TOOL_OUTPUT) : line)));
        }
    }

    private void started(JsonNode item, Consumer<Progress> progress) {
        switch (item.path("type").asText()) {
            case "command_execution" -> tool(Progress.Kind.TOOL_USE, "shell", item.path("command").asText(""),
                    Map.of(), progress);
            case "mcp_tool_call" -> tool(Progress.Kind.TOOL_USE, item.path("server").asText("mcp") + "/"
                    + item.path("tool").asText("?"), item.path("arguments").toString(), Map.of(), progress);
            case "web_search" -> tool(Progress.Kind.TOOL_USE, "web_search", item.path("query").asText(""), Map.of(),
                    progress);
            default -> { } // other items are reported once completed
        }
    }

    private void completed(JsonNode item, Consumer<Progress> progress) {
        switch (item.path("type").asText()) {
            case "agent_message" -> {
                lastMessage = item.path("text").asText("");
                progress.accept(Progress.of(Progress.Kind.MESSAGE, lastMessage));
            }
            case "reasoning" -> progress.accept(Progress.of(Progress.Kind.STATUS, item.path("text").asText(""),
                    Map.of("reasoning", "true")));
            case "command_execution" -> tool(Progress.Kind.TOOL_RESULT, "shell", bounded(item.path(
                    "aggregated_output").asText("")), Map.of("exit_code", item.path("exit_code").asText(""),
                    "status", item.path("status").asText("")), progress);
            case "file_change" -> tool(Progress.Kind.TOOL_RESULT, "apply_patch", bounded(item.path("changes")
                    .toString()), Map.of("status", item.path("status").asText("")), progress);
            case "mcp_tool_call" -> tool(Progress.Kind.TOOL_RESULT, item.path("server").asText("mcp") + "/"
                    + item.path("tool").asText("?"), bounded(item.path("result").toString()),
                    Map.of("status", item.path("status").asText("")), progress);
            case "error" -> progress.accept(Progress.of(Progress.Kind.STATUS, item.path("message").asText(""),
                    Map.of("warning", "true"))); // non-fatal: a failed turn says so in turn.failed
            default -> progress.accept(Progress.of(Progress.Kind.STATUS, item.path("type").asText("item"),
                    Map.of("raw", bounded(item.toString()))));
        }
    }

    private void turnCompleted(JsonNode event, Consumer<Progress> progress) {
        JsonNode usageNode = event.path("usage");
        Optional<Progress.Usage> usage = usageNode.isObject() ? Optional.of(new Progress.Usage(
                usageNode.path("input_tokens").asLong(), usageNode.path("output_tokens").asLong(),
                OptionalDouble.empty())) : Optional.empty();
        Map<String, String> details = Map.of("thread_id", threadId,
                "cached_input_tokens", usageNode.path("cached_input_tokens").asText("0"),
                "reasoning_output_tokens", usageNode.path("reasoning_output_tokens").asText("0"));
        if (usage.isPresent()) {
            progress.accept(new Progress(Progress.Kind.USAGE, "usage", Optional.empty(), usage, details));
        }
        if (lastMessage == null) {
            progress.accept(new Progress(Progress.Kind.ERROR, "Codex finished its turn without a message",
                    Optional.empty(), usage, details));
        } else {
            progress.accept(new Progress(Progress.Kind.RESULT, lastMessage, Optional.empty(), usage, details));
        }
    }

    private void failed(String message, Consumer<Progress> progress) {
        progress.accept(Progress.of(Progress.Kind.ERROR, "Codex failed: " + message + hint(message),
                Map.of("thread_id", threadId)));
    }

    private static String hint(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("401") || lower.contains("unauthorized") || lower.contains("api key")
                || lower.contains("not logged in") || lower.contains("login") ? ". " + NO_CREDENTIALS_HINT : "";
    }

    private static void tool(Progress.Kind kind, String tool, String text, Map<String, String> details,
            Consumer<Progress> progress) {
        progress.accept(new Progress(kind, text, Optional.of(tool), Optional.empty(), details));
    }

    private static String bounded(String text) {
        return text.length() > MAX_TOOL_OUTPUT ? text.substring(0, MAX_TOOL_OUTPUT) + "…" : text;
    }

    @Override
    protected void end(ExitInfo exit, boolean terminalSeen, Consumer<Progress> progress) {
        if (!terminalSeen) {
            String stderr = stderrTail();
            String why = lastError.isEmpty() ? stderr : lastError;
            progress.accept(Progress.of(Progress.Kind.ERROR, "Codex ended without a result (" + exit.describe()
                    + ")" + (why.isEmpty() ? "" : ": " + why) + hint(why)));
        }
    }
}
