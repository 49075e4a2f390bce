package org.mxagent.mcp;

import java.io.IOException;

/** Text that is not valid JSON; the message says where. */
final class JsonException extends IOException {
    private static final long serialVersionUID = 1L;

    JsonException(String message) {
        super(message);
    }
}
