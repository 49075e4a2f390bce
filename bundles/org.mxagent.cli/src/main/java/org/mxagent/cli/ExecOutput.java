package org.mxagent.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes an exec's frames as they arrive: stdout and PTY bytes to standard output, stderr bytes to standard
 * error, notices (integrity problems, warnings) to standard error. With {@code --json} the output is captured
 * (up to {@value #CAPTURE_LIMIT} bytes per stream) for the final JSON instead. In raw terminal mode line ends are
 * written as CR LF.
 */
final class ExecOutput implements IpcClient.StreamHandler {
    static final int CAPTURE_LIMIT = 8 * 1024 * 1024;

    private final Invocation inv;
    private final boolean capture;
    private final boolean raw;
    private final Consumer<String> onStarted;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private String invocationId;
    private boolean captureTruncated;

    ExecOutput(Invocation inv, boolean capture, boolean raw, Consumer<String> onStarted) {
        this.inv = inv;
        this.capture = capture;
        this.raw = raw;
        this.onStarted = onStarted;
    }

    @Override
    public void frame(Map<String, Object> frame) {
        String data = Json.string(frame, "data_base64");
        if (data != null) {
            write(Json.string(frame, "stream"), Base64.getDecoder().decode(data));
            return;
        }
        String event = Json.string(frame, "event");
        if ("started".equals(event)) {
            invocationId = Json.string(frame, "invocation_id");
            inv.verbose.log(1, "invocation " + invocationId + " ("
                    + ("remote".equals(Json.string(frame, "mode")) ? "to " + Json.string(frame, "target") + " in "
                            + Json.string(frame, "room_id") : "loopback") + ")");
            onStarted.accept(invocationId);
        } else if ("accepted".equals(event)) {
            inv.verbose.log(1, "accepted");
        } else if ("cancelled".equals(event)) {
            inv.verbose.log(1, "the target cancelled the run (" + Json.string(frame, "signal_sent") + ")");
        } else if ("held".equals(event)) {
            notice(Json.string(frame, "message"));
        } else if ("integrity".equals(event) || "warning".equals(event)) {
            notice("warning: " + Json.string(frame, "message"));
        }
    }

    String invocationId() {
        return invocationId;
    }

    /** A line on standard error, CR LF in raw mode. */
    void notice(String message) {
        inv.err.print("mx-agent: " + message + (raw ? "\r\n" : "\n"));
        inv.err.flush();
    }

    /** The captured output for the JSON result. */
    void addCaptured(Map<String, Object> result) {
        result.put("stdout", stdout.toString(StandardCharsets.UTF_8));
        result.put("stderr", stderr.toString(StandardCharsets.UTF_8));
        result.put("output_capture_truncated", captureTruncated);
    }

    private void write(String stream, byte[] bytes) {
        boolean toStderr = "stderr".equals(stream);
        if (capture) {
            ByteArrayOutputStream target = toStderr ? stderr : stdout;
            int room = Math.max(0, CAPTURE_LIMIT - target.size());
            target.write(bytes, 0, Math.min(room, bytes.length));
            captureTruncated |= bytes.length > room;
            return;
        }
        PrintStream target = toStderr ? inv.err : inv.out;
        target.write(bytes, 0, bytes.length);
        target.flush();
    }
}
