package org.mxagent.runtime.api;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The three private directories of one runtime. Two runtimes on one machine differ only in these
 * (MX_AGENT_DATA_DIR, MX_AGENT_CONFIG_DIR, MX_AGENT_RUNTIME_DIR). Each exists with mode 0700 once the
 * service is registered.
 */
@ProviderType
public interface RuntimeDirectories {
    /** Session, sync token, keys, trust, replay cache, crypto store. */
    Path dataDir();

    /** Policy file and configuration. */
    Path configDir();

    /** The daemon socket and its status file. */
    Path runtimeDir();
}
