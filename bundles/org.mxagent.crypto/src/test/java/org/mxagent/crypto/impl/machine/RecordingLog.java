package org.mxagent.crypto.impl.machine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the machine logged; warnings and errors are echoed to stderr for the test output. */
final class RecordingLog implements CryptoLog {
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final String who;

    RecordingLog(String who) {
        this.who = who;
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
        System.err.println(who + " WARN " + message);
    }

    @Override
    public void error(String message, Throwable cause) {
        lines.add("ERROR " + message + ": " + cause);
        System.err.println(who + " ERROR " + message + ": " + cause);
    }

    boolean contains(String fragment) {
        return lines.stream().anyMatch(line -> line.contains(fragment));
    }
}
