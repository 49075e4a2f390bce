package org.mxagent.exec.impl.requester;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.mxagent.protocol.api.Nonces;
import org.mxagent.protocol.api.Timestamps;
import org.mxagent.protocol.api.event.ExecCancel;
import org.mxagent.protocol.api.event.ExecStdin;
import org.mxagent.protocol.api.event.PtyResize;

/** The requester's control frames (unsigned records; the sender signs them), each with a fresh nonce. */
public final class Controls {
    /** Raw bytes per {@code exec.stdin} event: 12 KiB is 16 KiB of base64, far below the event limit. */
    public static final int STDIN_PIECE = 12 * 1024;

    private Controls() {}

    public static ExecStdin stdin(String invocationId, byte[] data, int from, int to, boolean eof, Instant now) {
        String encoded = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(data, from, to));
        return new ExecStdin(invocationId, encoded, eof, Timestamps.seconds(now), Nonces.newNonce(), Optional.empty(),
                Map.of());
    }

    public static ExecCancel cancel(String invocationId, String reason, Instant now) {
        return new ExecCancel(invocationId, reason, Timestamps.seconds(now), Nonces.newNonce(), Optional.empty(),
                Map.of());
    }

    public static PtyResize resize(String invocationId, int rows, int cols, Instant now) {
        return new PtyResize(invocationId, rows, cols, 0, 0, Timestamps.seconds(now), Nonces.newNonce(),
                Optional.empty(), Map.of());
    }
}
