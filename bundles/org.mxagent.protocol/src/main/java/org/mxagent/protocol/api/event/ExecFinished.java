package org.mxagent.protocol.api.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mxagent.protocol.api.sign.EventSignature;
import org.mxagent.protocol.impl.Checks;
import org.mxagent.protocol.impl.Copies;

/**
 * {@code exec.finished}: exit status and output totals. {@code exit_code}, {@code signal} and {@code artifact_mxc} are
 * sent as explicit {@code null} when unset.
 */
public record ExecFinished(
        String invocationId,
        Integer exitCode,
        String signal,
        long durationMs,
        long stdoutBytes,
        long stderrBytes,
        boolean truncated,
        String artifactMxc,
        Optional<EventSignature> signature,
        Map<String, JsonNode> extra) implements SignedEvent {

    public ExecFinished {
        Objects.requireNonNull(invocationId, "invocation_id");
        Checks.range(durationMs, 0, Long.MAX_VALUE, "duration_ms");
        Checks.range(stdoutBytes, 0, Long.MAX_VALUE, "stdout_bytes");
        Checks.range(stderrBytes, 0, Long.MAX_VALUE, "stderr_bytes");
        Objects.requireNonNull(signature, "signature");
        extra = Copies.extra(extra);
    }

    @Override
    public String type() {
        return EventTypes.EXEC_FINISHED;
    }
}
