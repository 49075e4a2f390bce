package org.mxagent.cli;

/** The user's terminal, if any: decides prompts, and reads a password without echo. */
interface Terminal {

    /** True when a person is typing: stdin and stdout are a terminal. */
    boolean isInteractive();

    /** Prompts and reads a line without echo; null when there is no terminal or input ended. */
    char[] readPassword(String prompt);
}
