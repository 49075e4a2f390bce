package org.mxagent.mcp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code exec} tool: {@code exec.start} (streaming {@code {stream, data_base64}} and {@code {event}} frames),
 * continued with {@code invocation.attach} while the daemon answers {@code done: false}; output chunks become
 * progress notifications, and a cancelled MCP call sends {@code exec.cancel}.
 */
final class ExecTool {
    /** Output kept per stream for the final result (the tail; progress notifications carried all of it). */
    static final int KEEP_BYTES = 64 * 1024;

    private final Daemon daemon;
    private final Path defaultCwd;

    ExecTool(Daemon daemon, Path defaultCwd) {
        this.daemon = daemon;
        this.defaultCwd = defaultCwd;
    }

    ToolResult call(Map<String, Object> args, CallContext context) throws DaemonException, ToolException {
        Map<String, Object> params = new LinkedHashMap<>();
        boolean hasRoom = args.get("room") != null;
        boolean hasAgent = args.get("agent") != null;
        if (hasRoom != hasAgent) {
            throw new ToolException("give room and agent together (a remote exec), or neither (run on this machine)");
        }
        if (hasRoom) {
            params.put("room", Tools.text(args, "room"));
            params.put("agent", Tools.text(args, "agent"));
        }
        List<String> argv = new ArrayList<>();
        for (Object word : Json.array(args.get("argv"))) {
            if (!(word instanceof String text)) {
                throw new ToolException("argv must be an array of strings");
            }
            argv.add(text);
        }
        if (argv.isEmpty()) {
            throw new ToolException("argv must name a program: a non-empty array of strings");
        }
        params.put("argv", argv);
        params.put("cwd", args.get("cwd") != null ? Tools.text(args, "cwd") : defaultCwd.toString());
        if (args.get("timeout_ms") != null) {
            if (!(args.get("timeout_ms") instanceof Number timeout) || timeout.longValue() <= 0) {
                throw new ToolException("timeout_ms must be a positive integer");
            }
            params.put("timeout_ms", timeout.longValue());
        }

        Output output = new Output(context);
        AtomicReference<String> invocation = new AtomicReference<>();
        Daemon.StreamListener listener = frame -> {
            if (frame.get("invocation_id") instanceof String id && invocation.compareAndSet(null, id)) {
                context.onCancel(() -> cancel(id));
            }
            output.frame(frame);
        };
        Map<String, Object> result = Json.object(daemon.call("exec.start", params, listener));
        while (Boolean.FALSE.equals(result.get("done"))) {
            String id = Json.string(result, "invocation_id");
            if (id == null) {
                return ToolResult.error("the daemon answered exec.start with done=false and no invocation_id");
            }
            if (invocation.compareAndSet(null, id)) {
                context.onCancel(() -> cancel(id));
            }
            Map<String, Object> attach = new LinkedHashMap<>();
            attach.put("invocation_id", id);
            attach.put("cursor", result.get("cursor"));
            result = Json.object(daemon.call("invocation.attach", attach, listener));
        }
        return finish(result, output);
    }

    private void cancel(String invocationId) {
        try {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("invocation_id", invocationId);
            params.put("reason", "caller_cancelled");
            daemon.call("exec.cancel", params, null);
        } catch (DaemonException e) {
            System.err.println("mx-agent mcp: cancelling " + invocationId + " failed: " + Tools.describe(e));
        }
    }

    static ToolResult finish(Map<String, Object> result, Output output) {
        Object remote = result.get("remote_exit_code");
        Object exit = remote instanceof Number ? remote : result.get("exit_code");
        String reason = Json.string(result, "rejected_reason");
        String outcome = Json.string(result, "outcome");
        StringBuilder text = new StringBuilder();
        text.append(output.text("stdout"));
        String stderr = output.text("stderr");
        if (!stderr.isEmpty()) {
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
            text.append("--- stderr ---\n").append(stderr);
        }
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        StringBuilder summary = new StringBuilder("--- ");
        if (reason != null) {
            summary.append("rejected: ").append(reason);
        } else if (result.get("signal") instanceof String signal) {
            summary.append("killed by signal ").append(signal);
        } else {
            summary.append("exit code ").append(exit);
        }
        if (outcome != null) {
            summary.append(" (").append(outcome).append(')');
        }
        if (Boolean.TRUE.equals(result.get("truncated"))) {
            summary.append(", output truncated by the target");
        }
        if (output.dropped() > 0) {
            summary.append(", first ").append(output.dropped()).append(" bytes of output not repeated here");
        }
        if (result.get("message") instanceof String message) {
            summary.append(": ").append(message);
        }
        text.append(summary).append(" ---");
        Map<String, Object> structured = new LinkedHashMap<>(result);
        structured.put("stdout", output.text("stdout"));
        structured.put("stderr", stderr);
        boolean failed = reason != null || !(exit instanceof Number code) || code.longValue() != 0;
        return new ToolResult(text.toString(), structured, failed);
    }

    /** Collects output per stream (the tail of each) and forwards each chunk and notice as progress. */
    static final class Output {
        private final CallContext context;
        private final Map<String, ByteArrayOutputStream> streams = new LinkedHashMap<>();
        private long dropped;

        Output(CallContext context) {
            this.context = context;
        }

        synchronized void frame(Map<String, Object> frame) {
            String stream = Json.string(frame, "stream");
            String data = Json.string(frame, "data_base64");
            if (stream != null && data != null) {
                byte[] bytes = Base64.getDecoder().decode(data);
                ByteArrayOutputStream kept = streams.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
                kept.writeBytes(bytes);
                if (kept.size() > KEEP_BYTES) {
                    byte[] all = kept.toByteArray();
                    dropped += all.length - KEEP_BYTES;
                    kept.reset();
                    kept.write(all, all.length - KEEP_BYTES, KEEP_BYTES);
                }
                context.progress(stream + ": " + new String(bytes, StandardCharsets.UTF_8));
            } else if (frame.get("event") instanceof String event) {
                Object message = frame.get("message");
                context.progress(event + (message instanceof String m ? ": " + m : ""));
            }
        }

        synchronized String text(String stream) {
            ByteArrayOutputStream kept = streams.get(stream);
            return kept == null ? "" : new String(kept.toByteArray(), StandardCharsets.UTF_8);
        }

        synchronized long dropped() {
            return dropped;
        }
    }
}
