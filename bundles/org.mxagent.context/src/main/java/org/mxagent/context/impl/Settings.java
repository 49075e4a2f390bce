package org.mxagent.context.impl;

import java.time.Duration;
import java.util.List;

/** {@link ContextConfig} as checked values; replaced as a whole when the configuration changes. */
record Settings(int inlineMaxBytes, List<String> envAllowlist, int scanMaxEvents, long maxDocumentBytes,
        Duration gitTimeout, int zstdLevel) {

    /** Above this an inline event (plus name, hashes, signature) would come close to Matrix's 64 KiB cap. */
    static final int INLINE_CEILING = 48 * 1024;

    static Settings of(ContextConfig config) {
        return new Settings(Math.max(0, Math.min(config.inline_max_bytes(), INLINE_CEILING)),
                List.of(config.env_allowlist()), Math.max(1, config.scan_max_events()),
                Math.max(1, config.max_document_bytes()), Duration.ofSeconds(Math.max(1, config.git_timeout_seconds())),
                Math.max(1, Math.min(19, config.zstd_level())));
    }
}
