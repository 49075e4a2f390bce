package org.mxagent.exec.impl.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mxagent.exec.impl.target.ExecRequestHandler;
import org.mxagent.protocol.api.Ids;
import org.mxagent.protocol.api.Nonces;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.CallRequest;
import org.mxagent.protocol.api.event.ExecRequest;
import org.mxagent.terminal.api.TerminalSize;

/** Unsigned requests (the sender signs them): fresh ids and nonce, {@code created_at} now, expiring in 300 s. */
final class RequestFactory {
    static final Duration TTL = Duration.ofSeconds(300);

    private RequestFactory() {}

    static ExecRequest exec(String invocationId, String requestingAgent, String targetAgent, List<String> argv,
            String cwd, Map<String, String> env, boolean stdin, boolean pty, long timeoutMs, TerminalSize size,
            Instant now) {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        if (pty) {
            extra.put(ExecRequestHandler.PTY_ROWS, ProtocolJson.nodes().numberNode(size.rows()));
            extra.put(ExecRequestHandler.PTY_COLS, ProtocolJson.nodes().numberNode(size.cols()));
        }
        return new ExecRequest(invocationId, Ids.newRequestId(), targetAgent, requestingAgent, argv, cwd, env, stdin,
                true, pty, timeoutMs, null, Timestamps.seconds(now), Timestamps.seconds(now.plus(TTL)),
                Nonces.newNonce(), ExecRequest.idempotencyKeyFor(invocationId), Optional.empty(), extra);
    }

    static CallRequest call(String invocationId, String requestingAgent, String targetAgent, String tool,
            JsonNode args, Instant now) {
        return new CallRequest(invocationId, Ids.newRequestId(), tool, args, Timestamps.seconds(now),
                Timestamps.seconds(now.plus(TTL)), Nonces.newNonce(), Optional.empty(), Optional.of(requestingAgent),
                Optional.of(targetAgent), Map.of());
    }
}
