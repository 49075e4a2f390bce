package org.mxagent.discovery.api;

import java.util.Locale;

/** Whether a workspace is listed in the homeserver's public room directory (and joinable by anyone). */
public enum Visibility {
    PRIVATE,
    PUBLIC;

    /** {@code private} / {@code public}, as on the command line and in {@code /createRoom}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code private} / {@code public} (any case). */
    public static Visibility parse(String text) throws DiscoveryException {
        for (Visibility visibility : values()) {
            if (visibility.wire().equalsIgnoreCase(text)) {
                return visibility;
            }
        }
        throw new DiscoveryException(DiscoveryException.Kind.INVALID,
                "visibility must be private or public, not '" + text + "'");
    }
}
