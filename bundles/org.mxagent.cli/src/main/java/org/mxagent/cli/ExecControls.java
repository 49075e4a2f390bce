package org.mxagent.cli;

import java.io.IOException;
import java.io.InputStream;
import sun.misc.Signal;

/**
 * The live side of {@code exec} once the daemon named the invocation: standard input forwarded on its own thread,
 * Ctrl-C turned into a cancel (a second Ctrl-C leaves at once, exit 130), and terminal resizes (SIGWINCH) sent as
 * {@code pty.resize} in PTY mode. All through a {@link ControlChannel}.
 */
final class ExecControls implements AutoCloseable {
    private static final int READ_BYTES = 12 * 1024;

    private final Invocation inv;
    private final ExecOutput output;
    private final boolean forwardStdin;
    private final boolean pty;
    private final boolean raw;
    private volatile ControlChannel channel;
    private volatile int interrupts;

    ExecControls(Invocation inv, ExecOutput output, boolean forwardStdin, boolean pty, boolean raw) {
        this.inv = inv;
        this.output = output;
        this.forwardStdin = forwardStdin;
        this.pty = pty;
        this.raw = raw;
    }

    /** Installs the Ctrl-C handler (before the run starts, so an early Ctrl-C is not lost). */
    void installInterrupt() {
        if (!raw) {
            Signal.handle(new Signal("INT"), signal -> interrupted());
        }
    }

    /** The invocation is known: start forwarding input and resizes. */
    void started(String invocationId) {
        channel = new ControlChannel(inv, invocationId);
        if (forwardStdin) {
            Thread reader = new Thread(this::forwardInput, "mx-agent stdin");
            reader.setDaemon(true);
            reader.start();
        }
        if (pty && raw) {
            Signal.handle(new Signal("WINCH"), signal -> resized());
        }
        if (interrupts > 0) {
            cancel("caller_interrupted");
        }
    }

    @Override
    public void close() {
        ControlChannel current = channel;
        if (current != null) {
            current.close();
        }
    }

    private void forwardInput() {
        InputStream in = inv.in;
        byte[] buffer = new byte[READ_BYTES];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (n > 0) {
                    channel.stdin(buffer, n, false);
                }
            }
            channel.stdin(buffer, 0, true);
        } catch (IOException | CliException e) {
            inv.verbose.log(1, "stopped forwarding input: " + e.getMessage());
        }
    }

    private void interrupted() {
        int count = ++interrupts;
        if (count > 1) {
            output.notice("interrupted again; leaving (the daemon cancels the run unless a client re-attaches "
                    + "within 10 s)");
            System.exit(130);
        }
        output.notice("cancelling (Ctrl-C again to leave at once)");
        if (channel != null) {
            cancel("caller_interrupted");
        }
    }

    private void cancel(String reason) {
        Thread sender = new Thread(() -> {
            try {
                channel.cancel(reason);
            } catch (CliException e) {
                output.notice("could not send the cancel: " + e.getMessage());
            }
        }, "mx-agent cancel");
        sender.setDaemon(true);
        sender.start();
    }

    private void resized() {
        int[] size = RawTerminal.size();
        if (size == null) {
            return;
        }
        try {
            channel.resize(size[0], size[1]);
        } catch (CliException e) {
            inv.verbose.log(1, "resize not sent: " + e.getMessage());
        }
    }
}
