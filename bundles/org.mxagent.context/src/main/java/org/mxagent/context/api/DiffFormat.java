package org.mxagent.context.api;

import java.util.Optional;

/** What {@code share diff} shares: the patch itself, or one of git's summaries of it. */
public enum DiffFormat {
    /** {@code git diff}: the full patch, {@code text/x-diff}. */
    PATCH("patch", "text/x-diff", ".diff"),
    /** {@code git diff --stat}: changed files with added/removed line counts. */
    STAT("stat", "text/plain", ".stat.txt"),
    /** {@code git diff --name-only}: the changed paths, one a line. */
    NAME_ONLY("name-only", "text/plain", ".names.txt");

    private final String wire;
    private final String mimeType;
    private final String suffix;

    DiffFormat(String wire, String mimeType, String suffix) {
        this.wire = wire;
        this.mimeType = mimeType;
        this.suffix = suffix;
    }

    /** How the CLI and IPC spell it: {@code patch}, {@code stat}, {@code name-only}. */
    public String wire() {
        return wire;
    }

    /** The {@code mime_type} of the share. */
    public String mimeType() {
        return mimeType;
    }

    /** Ends the share's name, e.g. {@code work-HEAD.stat.txt}. */
    public String suffix() {
        return suffix;
    }

    /** The format spelled {@code wire}, or empty. */
    public static Optional<DiffFormat> fromWire(String wire) {
        for (DiffFormat format : values()) {
            if (format.wire.equals(wire)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
