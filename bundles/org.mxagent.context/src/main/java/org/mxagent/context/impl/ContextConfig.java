package org.mxagent.context.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.mxagent.context}. */
@ObjectClassDefinition(name = "mx-agent context sharing",
        description = "How context.share.v1 events are sent and read.")
public @interface ContextConfig {
    @AttributeDefinition(description = "Largest encoded inline data in bytes; larger shares go to media (zstd). "
            + "Capped at 49152 so an event stays well under Matrix's 64 KiB limit.", min = "0")
    int inline_max_bytes() default 32 * 1024;

    @AttributeDefinition(description = "Extra environment variable names share env may include (NAME or PREFIX*);"
            + " secret-looking names are still never shared")
    String[] env_allowlist() default {};

    @AttributeDefinition(description = "Timeline events read (newest first) when listing or fetching shares",
            min = "1")
    int scan_max_events() default 1000;

    @AttributeDefinition(description = "Largest document share get accepts, in bytes (decompressed)", min = "1")
    long max_document_bytes() default 64L * 1024 * 1024;

    @AttributeDefinition(description = "Seconds git may take for share diff", min = "1")
    int git_timeout_seconds() default 30;

    @AttributeDefinition(description = "zstd compression level for media shares (protocol: 3)", min = "1",
            max = "19")
    int zstd_level() default 3;
}
