package org.mxagent.ipc.wire;

import java.io.IOException;

/** Text that is not valid JSON; the message says where. */
public final class JsonException extends IOException {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
