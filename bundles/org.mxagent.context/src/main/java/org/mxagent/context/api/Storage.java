package org.mxagent.context.api;

import java.util.Locale;

/** Where a share's bytes are: in the event ({@code data}) or in Matrix media ({@code mxc_uri}). */
public enum Storage {
    INLINE,
    MEDIA;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
