package org.mxagent.adapter.claude.impl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.mxagent.adapter.spi.ExitInfo;
import org.mxagent.adapter.spi.LineParser;
import org.mxagent.adapter.spi.OutputChannel;
import org.mxagent.adapter.spi.Progress;

/**
 * Claude Code's {@code --output-format stream-json --verbose} NDJSON: {@code system/init}, {@code assistant}
 * (text, tool_use; {@code error} on API failures), {@code user} (tool_result) and the final {@code result}
 * (result text, is_error, usage, total_cost_usd). Field shapes as seen from Claude Code 2.1.331.
 */
final class ClaudeStreamParser extends LineParser {
    static final String NO_CREDENTIALS_HINT = "Claude Code has no usable credentials. Log in as the user the "
            + "runtime runs as (`claude` then /login), or configure an apiKeyHelper in a settings file and set "
            + "'settings' in PID org.mxagent.adapter.claude. The runtime never passes ANTHROPIC_API_KEY or other "
            + "secrets from its environment to agents.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private String sessionId = "";
    private String apiError = "";

    @Override
    protected void line(OutputChannel channel, String line, Consumer<Progress> progress) {
        if (channel == OutputChannel.STDERR || line.isBlank()) {
            return; // kept in stderrTail() for the error message
        }
        JsonNode event;
        try {
            event = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            progress.accept(Progress.of(Progress.Kind.STATUS, line, Map.of("unparsed", "true")));
            return;
        }
        switch (event.path("type").asText()) {
            case "system" -> system(event, progress);
            case "assistant" -> assistant(event, progress);
            case "user" -> toolResults(event, progress);
            case "result" -> result(event, progress);
            default -> progress.accept(Progress.of(Progress.Kind.STATUS, event.path("type").asText("event"),
                    Map.of("raw", line.length() > 2000 ? line.substring(0, 2000) : line)));
        }
    }

    private void system(JsonNode event, Consumer<Progress> progress) {
        sessionId = event.path("session_id").asText(sessionId);
        if ("init".equals(event.path("subtype").asText())) {
            Map<String, String> details = new HashMap<>();
            details.put("session_id", sessionId);
            details.put("model", event.path("model").asText(""));
            details.put("claude_code_version", event.path("claude_code_version").asText(""));
            details.put("cwd", event.path("cwd").asText(""));
            details.put("api_key_source", event.path("apiKeySource").asText(""));
            progress.accept(Progress.of(Progress.Kind.STATUS, "session started (model "
                    + event.path("model").asText("?") + ")", details));
        } else {
            // e.g. api_retry carries the attempt and the error: the raw event tells a user why the API is silent.
            String raw = event.toString();
            progress.accept(Progress.of(Progress.Kind.STATUS, "system " + event.path("subtype").asText(""),
                    Map.of("raw", raw.length() > 2000 ? raw.substring(0, 2000) : raw)));
        }
    }

    private void assistant(JsonNode event, Consumer<Progress> progress) {
        if (event.hasNonNull("error")) {
            apiError = event.path("error").asText();
        }
        for (JsonNode block : event.path("message").path("content")) {
            switch (block.path("type").asText()) {
                case "text" -> progress.accept(Progress.of(Progress.Kind.MESSAGE, block.path("text").asText(),
                        apiError.isEmpty() ? Map.of() : Map.of("error", apiError)));
                case "tool_use" -> progress.accept(new Progress(Progress.Kind.TOOL_USE,
                        block.path("input").toString(), Optional.of(block.path("name").asText("?")),
                        Optional.empty(), Map.of("tool_use_id", block.path("id").asText(""))));
                default -> { /* thinking and other blocks are not progress a user reads */ }
            }
        }
    }

    private void toolResults(JsonNode event, Consumer<Progress> progress) {
        for (JsonNode block : event.path("message").path("content")) {
            if ("tool_result".equals(block.path("type").asText())) {
                JsonNode content = block.path("content");
                String text = content.isTextual() ? content.asText() : content.toString();
                progress.accept(new Progress(Progress.Kind.TOOL_RESULT, text.length() > 4000
                        ? text.substring(0, 4000) + "…" : text, Optional.empty(), Optional.empty(),
                        Map.of("tool_use_id", block.path("tool_use_id").asText(""),
                                "is_error", String.valueOf(block.path("is_error").asBoolean(false)))));
            }
        }
    }

    private void result(JsonNode event, Consumer<Progress> progress) {
        JsonNode usageNode = event.path("usage");
        Optional<Progress.Usage> usage = usageNode.isObject() ? Optional.of(new Progress.Usage(
                usageNode.path("input_tokens").asLong() + usageNode.path("cache_creation_input_tokens").asLong()
                        + usageNode.path("cache_read_input_tokens").asLong(),
                usageNode.path("output_tokens").asLong(), event.has("total_cost_usd")
                        ? OptionalDouble.of(event.path("total_cost_usd").asDouble()) : OptionalDouble.empty()))
                : Optional.empty();
        Map<String, String> details = new HashMap<>();
        details.put("session_id", event.path("session_id").asText(sessionId));
        details.put("subtype", event.path("subtype").asText(""));
        details.put("num_turns", event.path("num_turns").asText(""));
        if (usage.isPresent()) {
            progress.accept(new Progress(Progress.Kind.USAGE, "usage", Optional.empty(), usage, details));
        }
        String text = event.path("result").asText("");
        if (event.path("is_error").asBoolean(false) || !"success".equals(event.path("subtype").asText("success"))) {
            details.put("error", apiError.isEmpty() ? event.path("terminal_reason").asText("error") : apiError);
            String message = "Claude Code failed: " + (text.isEmpty() ? event.path("subtype").asText() : text);
            if ("authentication_failed".equals(apiError) || text.contains("/login")
                    || text.toLowerCase(java.util.Locale.ROOT).contains("api key")) {
                message += ". " + NO_CREDENTIALS_HINT;
            }
            progress.accept(new Progress(Progress.Kind.ERROR, message, Optional.empty(), usage, details));
        } else {
            progress.accept(new Progress(Progress.Kind.RESULT, text, Optional.empty(), usage, details));
        }
    }

    @Override
    protected void end(ExitInfo exit, boolean terminalSeen, Consumer<Progress> progress) {
        if (!terminalSeen) {
            String stderr = stderrTail();
            progress.accept(Progress.of(Progress.Kind.ERROR, "Claude Code ended without a result ("
                    + exit.describe() + ")" + (stderr.isEmpty() ? "" : ": " + stderr)
                    + (exit.outputIncomplete() ? " [output went past the stream budget; raise "
                            + "timeline_budget_bytes of org.mxagent.terminal.exec]" : "")));
        }
    }
}
