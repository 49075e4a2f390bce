package org.mxagent.mcp;

/** A tool call that cannot run as asked (bad or missing arguments): reported to the model as a tool error. */
final class ToolException extends Exception {
    private static final long serialVersionUID = 1L;

    ToolException(String message) {
        super(message);
    }
}
