package org.mxagent.cli;

import java.io.Console;

/** The process's controlling terminal through {@link System#console()}, looked up only when a command asks. */
final class SystemTerminal implements Terminal {

    @Override
    public boolean isInteractive() {
        return System.console() != null;
    }

    @Override
    public char[] readPassword(String prompt) {
        Console console = System.console();
        return console == null ? null : console.readPassword("%s", prompt);
    }
}
