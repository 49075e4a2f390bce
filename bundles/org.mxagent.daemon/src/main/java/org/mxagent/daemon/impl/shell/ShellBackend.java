package org.mxagent.daemon.impl.shell;

/**
 * Opens shell sessions. A service of this bundle's own type, so the shell methods never touch Gogo classes:
 * in a distribution without Gogo only {@link GogoShell}, which is never satisfied there, refers to them.
 */
interface ShellBackend {
    ShellSession open();
}
