package org.mxagent.policy.api;

import java.io.IOException;

/** An audit record could not be written. The action it describes must not happen (fail closed). */
public final class AuditException extends IOException {
    private static final long serialVersionUID = 1L;

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
