package org.mxagent.exec.impl.target;

import java.util.Optional;
import org.mxagent.policy.api.TrustCheck;
import org.mxagent.protocol.api.event.ExecCancel;
import org.mxagent.protocol.api.event.ExecStdin;
import org.mxagent.protocol.api.event.MalformedEventException;
import org.mxagent.protocol.api.event.ProtocolCodec;
import org.mxagent.protocol.api.event.ProtocolEvent;
import org.mxagent.protocol.api.event.PtyResize;
import org.mxagent.transport.api.RoomEvent;
import org.osgi.service.log.Logger;

/** Applies control frames from an invocation's requester to the live run they name; everything else is ignored. */
public final class ControlHandler {
    private final RunRegistry runs;
    private final ControlGate gate;
    private final Logger log;

    public ControlHandler(RunRegistry runs, TrustCheck trust, Logger log) {
        this.runs = runs;
        this.gate = new ControlGate(trust);
        this.log = log;
    }

    public void handle(RoomEvent event) {
        ProtocolEvent frame;
        try {
            frame = ProtocolCodec.decode(event.type(), event.content());
        } catch (MalformedEventException e) {
            log.info("dropped a malformed {} ({}): {}", event.type(), event.eventId(), e.getMessage());
            return;
        }
        String invocationId;
        String nonce;
        if (frame instanceof ExecStdin stdin) {
            invocationId = stdin.invocationId();
            nonce = stdin.nonce();
        } else if (frame instanceof ExecCancel cancel) {
            invocationId = cancel.invocationId();
            nonce = cancel.nonce();
        } else if (frame instanceof PtyResize resize) {
            invocationId = resize.invocationId();
            nonce = resize.nonce();
        } else {
            return;
        }
        Optional<ExecRun> run = runs.get(invocationId);
        if (run.isEmpty()) {
            log.debug("{} for {} ignored: no live run of that invocation here", event.type(), invocationId);
            return;
        }
        Optional<String> refusal = gate.refusal(event, run.get(), nonce);
        if (refusal.isPresent()) {
            log.warn("ignored {} for {} from {} ({}): {}", event.type(), invocationId, event.sender(),
                    event.eventId(), refusal.get());
            return;
        }
        if (frame instanceof ExecStdin stdin) {
            run.get().stdin(stdin);
        } else if (frame instanceof ExecCancel cancel) {
            boolean stopping = run.get().cancel(cancel.reason());
            log.info("invocation {}: cancel from the requester ({}){}", invocationId, cancel.reason(),
                    stopping ? "" : "; it was already stopping");
        } else {
            run.get().resize((PtyResize) frame);
        }
    }
}
