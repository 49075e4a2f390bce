package org.mxagent.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local terminal in raw mode for {@code exec --pty}, through {@code stty} on {@code /dev/tty}: the settings
 * are saved first and restored by {@link #close()} and by a shutdown hook, so the terminal comes back on a normal
 * exit, an error, Ctrl-C from outside, SIGTERM or a lost daemon connection (not on SIGKILL: then run
 * {@code stty sane}).
 */
final class RawTerminal implements AutoCloseable {
    private static final File TTY = new File("/dev/tty");

    private final String saved;
    private final AtomicBoolean restored = new AtomicBoolean();
    private final Thread hook;

    private RawTerminal(String saved) {
        this.saved = saved;
        this.hook = new Thread(this::restore, "mx-agent terminal restore");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Saves the settings and goes raw ({@code raw -echo}). */
    static RawTerminal enter() throws CliException {
        String saved = stty("-g").strip();
        RawTerminal terminal = new RawTerminal(saved);
        stty("raw", "-echo");
        return terminal;
    }

    /** {@code rows cols} of the terminal, or null when it cannot be read. */
    static int[] size() {
        try {
            String[] parts = stty("size").strip().split("\\s+");
            return parts.length == 2 ? new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])} : null;
        } catch (CliException | NumberFormatException unknown) {
            return null;
        }
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Called from within shutdown: the hook runs (or ran) anyway and restore() is idempotent.
            restored.set(true);
        }
    }

    private void restore() {
        if (restored.compareAndSet(false, true)) {
            try {
                stty(saved);
            } catch (CliException e) {
                System.err.println("\r\nmx-agent: could not restore the terminal (" + e.getMessage()
                        + "); run: stty sane");
            }
        }
    }

    private static String stty(String... args) throws CliException {
        String[] command = new String[args.length + 1];
        command[0] = "stty";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectInput(TTY)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new CliException(ExitCodes.FAILURE, "stty " + String.join(" ", args) + " failed");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "cannot run stty on /dev/tty: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILURE, "interrupted while running stty", e);
        }
    }
}
