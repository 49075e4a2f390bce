package org.mxagent.exec.impl.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.mxagent.exec.impl.desk.CallParams;
import org.mxagent.exec.impl.desk.ExecDesk;
import org.mxagent.exec.impl.desk.ExecParams;
import org.mxagent.exec.impl.requester.DeskException;
import org.mxagent.exec.impl.requester.FrameBuffer;
import org.mxagent.exec.impl.requester.Session;
import org.mxagent.protocol.api.ProtocolJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands of scope {@code term}: an operator at the console watches and cancels invocations (both the ones
 * this runtime requested and the ones it runs for others), lists the offered tools, and runs a short exec or call.
 */
@Component(service = TermCommands.class, property = {"osgi.command.scope=term",
    "osgi.command.function=list", "osgi.command.function=show", "osgi.command.function=cancel",
    "osgi.command.function=tools", "osgi.command.function=exec", "osgi.command.function=call"})
public final class TermCommands {
    private static final long WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ExecDesk desk;

    @Activate
    public TermCommands(@Reference ExecDesk desk) {
        this.desk = desk;
    }

    @Descriptor("live invocations here (requested and executed), then the published ones of a room (or of every "
            + "room this runtime hosts agents in)")
    public String list(@Descriptor("room id or alias") @Parameter(names = {"-r", "--room"}, absentValue = "")
            String room) throws DeskException {
        StringBuilder out = new StringBuilder("live:\n");
        for (ObjectNode live : desk.live()) {
            out.append("  ").append(live.path("invocation_id").asText()).append("  ").append(live.path("role").asText())
                    .append("  ").append(live.path("phase").asText()).append('\n');
        }
        out.append("published:\n");
        for (ObjectNode record : desk.list(room.isBlank() ? Optional.empty() : Optional.of(room))) {
            out.append("  ").append(record.path("invocation_id").asText()).append("  ")
                    .append(record.path("state").asText()).append("  exit ").append(record.path("exit_code"))
                    .append("  ").append(record.path("requester").asText()).append(" -> ")
                    .append(record.path("target").asText()).append('\n');
        }
        return out.toString();
    }

    @Descriptor("one invocation: published state and live view")
    public String show(@Descriptor("room id or alias") @Parameter(names = {"-r", "--room"}, absentValue = "")
            String room, @Descriptor("inv_…") String invocationId) throws DeskException {
        return desk.show(invocationId, room.isBlank() ? Optional.empty() : Optional.of(room)).toPrettyString();
    }

    @Descriptor("cancel an invocation: one this runtime requested or runs, else a signed cancel as its requester")
    public String cancel(@Descriptor("room id or alias") @Parameter(names = {"-r", "--room"}, absentValue = "")
            String room, @Descriptor("inv_…") String invocationId) throws DeskException {
        return desk.cancel(invocationId, room.isBlank() ? Optional.empty() : Optional.of(room), "operator_cancelled")
                .toString();
    }

    @Descriptor("the tools this runtime offers (tool.v1)")
    public String tools() {
        StringBuilder out = new StringBuilder();
        for (ObjectNode tool : desk.tools()) {
            out.append(tool.path("key").asText()).append("  ").append(tool.path("description").asText()).append('\n');
        }
        return out.length() == 0 ? "no tools offered\n" : out.toString();
    }

    @Descriptor("run a command (remote with --room and --agent, else here) and print its output when it ends")
    public String exec(
            @Descriptor("room id or alias") @Parameter(names = {"-r", "--room"}, absentValue = "") String room,
            @Descriptor("target agent id") @Parameter(names = {"-a", "--agent"}, absentValue = "") String agent,
            @Descriptor("working directory") @Parameter(names = {"-d", "--cwd"}, absentValue = "") String cwd,
            @Descriptor("timeout in ms") @Parameter(names = {"-t", "--timeout"}, absentValue = "0") long timeoutMs,
            @Descriptor("command and arguments") String[] command) throws DeskException {
        ExecParams params = new ExecParams(optional(room), optional(agent), Optional.empty(), Arrays.asList(command),
                cwd.isBlank() ? System.getProperty("user.dir") : cwd, Map.of(),
                timeoutMs > 0 ? OptionalLong.of(timeoutMs) : OptionalLong.empty(), false, false, 0, 0, false);
        return collect(desk.startExec(params));
    }

    @Descriptor("call a tool (remote with --room and --agent, else here) with JSON arguments")
    public String call(
            @Descriptor("room id or alias") @Parameter(names = {"-r", "--room"}, absentValue = "") String room,
            @Descriptor("target agent id") @Parameter(names = {"-a", "--agent"}, absentValue = "") String agent,
            @Descriptor("name or name@version") String tool,
            @Descriptor("arguments as one JSON object") String args) throws DeskException {
        JsonNode parsed;
        try {
            parsed = ProtocolJson.parse(args);
        } catch (java.io.IOException e) {
            throw new DeskException(DeskException.Kind.INVALID, "arguments are not JSON: " + e.getMessage(), e);
        }
        return collect(desk.startCall(new CallParams(tool, parsed, optional(room), optional(agent), Optional.empty(),
                OptionalLong.empty())));
    }

    private static Optional<String> optional(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Waits for the session's result, gathering its output as text. */
    private static String collect(Session session) throws DeskException {
        StringBuilder out = new StringBuilder();
        long cursor = 0;
        try {
            while (true) {
                FrameBuffer.Batch batch = session.frames().read(cursor, WAIT_NANOS);
                for (ObjectNode frame : batch.frames()) {
                    if (frame.has("data_base64")) {
                        out.append(new String(Base64.getDecoder().decode(frame.get("data_base64").asText()),
                                StandardCharsets.UTF_8));
                    } else if (frame.has("message")) {
                        out.append("[").append(frame.path("event").asText()).append("] ")
                                .append(frame.get("message").asText()).append('\n');
                    }
                }
                cursor = batch.nextCursor();
                if (batch.result().isPresent()) {
                    return out.append(out.length() > 0 && out.charAt(out.length() - 1) != '\n' ? "\n" : "")
                            .append("-- ").append(batch.result().get()).append('\n').toString();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.cancel("operator_interrupted");
            throw new DeskException(DeskException.Kind.FAILED, "interrupted; the invocation was cancelled", e);
        }
    }
}
