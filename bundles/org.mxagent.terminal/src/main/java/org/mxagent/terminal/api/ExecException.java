package org.mxagent.terminal.api;

import java.util.Optional;
import org.mxagent.protocol.api.event.RejectReason;

/** A run could not start. {@link #rejectReason()} is the {@code exec.rejected} code when one fits. */
public final class ExecException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient RejectReason reason;

    public ExecException(RejectReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** A failure no reject code describes (spawn error, missing directory). */
    public ExecException(String message, Throwable cause) {
        this(null, message, cause);
    }

    public Optional<RejectReason> rejectReason() {
        return Optional.ofNullable(reason);
    }
}
