package org.mxagent.adapter.impl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.adapter.api.AdapterStatus;
import org.mxagent.adapter.api.RunOutcome;
import org.mxagent.adapter.spi.Progress;

/** JSON forms of progress, outcomes and detections (specs/adapters.md §IPC). */
final class ProgressJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProgressJson() {}

    static ObjectNode progress(Progress event) {
        ObjectNode node = JSON.objectNode();
        node.put("kind", event.kind().name().toLowerCase(java.util.Locale.ROOT));
        node.put("text", event.text());
        event.tool().ifPresent(tool -> node.put("tool", tool));
        event.usage().ifPresent(usage -> node.set("usage", usage(usage)));
        if (!event.details().isEmpty()) {
            ObjectNode details = node.putObject("details");
            event.details().forEach(details::put);
        }
        return node;
    }

    static ObjectNode usage(Progress.Usage usage) {
        ObjectNode node = JSON.objectNode();
        node.put("input_tokens", usage.inputTokens());
        node.put("output_tokens", usage.outputTokens());
        usage.costUsd().ifPresent(cost -> node.put("cost_usd", cost));
        return node;
    }

    static ObjectNode outcome(RunOutcome outcome) {
        ObjectNode node = JSON.objectNode();
        node.put("id", outcome.id());
        node.put("adapter", outcome.adapter());
        node.put("ok", outcome.succeeded());
        node.put(outcome.succeeded() ? "result" : "error", outcome.terminal().text());
        outcome.exit().exitCode().ifPresent(code -> node.put("exit_code", code));
        outcome.exit().signal().ifPresent(signal -> node.put("signal", signal));
        node.put("ended", outcome.exit().describe());
        outcome.usage().ifPresent(usage -> node.set("usage", usage(usage)));
        node.put("duration_ms", outcome.durationMs());
        var warnings = node.putArray("warnings");
        outcome.warnings().forEach(warnings::add);
        return node;
    }

    static ObjectNode status(AdapterStatus status) {
        ObjectNode node = JSON.objectNode();
        node.put("name", status.name());
        node.put("bundle", status.bundle());
        node.put("installed", status.detection().installed());
        status.detection().binary().ifPresent(b -> node.put("binary", b));
        status.detection().version().ifPresent(v -> node.put("version", v));
        status.detection().problem().ifPresent(p -> node.put("problem", p));
        return node;
    }

    /** One line for a terminal: {@code [kind] text}. */
    static String line(Progress event) {
        StringBuilder out = new StringBuilder("[").append(event.kind().name().toLowerCase(java.util.Locale.ROOT))
                .append("] ");
        event.tool().ifPresent(tool -> out.append(tool).append(' '));
        out.append(event.text());
        event.usage().ifPresent(u -> {
            out.append(" (tokens in ").append(u.inputTokens()).append(", out ").append(u.outputTokens());
            u.costUsd().ifPresent(c -> out.append(String.format(java.util.Locale.ROOT, ", $%.6f", c)));
            out.append(')');
        });
        return out.toString();
    }
}
