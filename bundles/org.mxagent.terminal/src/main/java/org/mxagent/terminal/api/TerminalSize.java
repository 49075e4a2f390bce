package org.mxagent.terminal.api;

/** A PTY's size in characters (and pixels, 0 when unknown), as {@code pty.resize} carries it (u16 each). */
public record TerminalSize(int rows, int cols, int pixelWidth, int pixelHeight) {
    /** The size a PTY starts with when the request does not say (exec.request has no size). */
    public static final TerminalSize DEFAULT = of(24, 80);

    public TerminalSize {
        u16(rows, "rows", 1);
        u16(cols, "cols", 1);
        u16(pixelWidth, "pixelWidth", 0);
        u16(pixelHeight, "pixelHeight", 0);
    }

    public static TerminalSize of(int rows, int cols) {
        return new TerminalSize(rows, cols, 0, 0);
    }

    private static void u16(int value, String name, int min) {
        if (value < min || value > 0xFFFF) {
            throw new IllegalArgumentException(name + " must be in " + min + "..65535, not " + value);
        }
    }
}
