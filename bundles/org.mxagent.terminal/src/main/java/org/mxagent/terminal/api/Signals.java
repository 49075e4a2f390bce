package org.mxagent.terminal.api;

import java.util.Optional;
import java.util.OptionalInt;

/** Linux signal numbers and names ({@code SIGTERM} = 15), as {@code exec.finished.signal} spells them. */
public final class Signals {
    private static final String[] NAMES = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
        "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
        "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ",
        "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"};

    private Signals() {}

    /** The name of a standard signal (1–31), e.g. 9 → {@code SIGKILL}. */
    public static Optional<String> name(int number) {
        return number > 0 && number < NAMES.length ? Optional.of(NAMES[number]) : Optional.empty();
    }

    /** The number of a standard signal's name. */
    public static OptionalInt number(String name) {
        for (int i = 1; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }
}
