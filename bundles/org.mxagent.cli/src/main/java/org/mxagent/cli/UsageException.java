package org.mxagent.cli;

/** The command line is wrong (exit 64); {@link #helpTopic()} names the help that would have prevented it. */
final class UsageException extends CliException {
    private static final long serialVersionUID = 1L;
    private final String helpTopic;

    UsageException(String message, String helpTopic) {
        super(ExitCodes.USAGE, message);
        this.helpTopic = helpTopic;
    }

    /** e.g. "auth login", or "" for the top level. */
    String helpTopic() {
        return helpTopic;
    }
}
