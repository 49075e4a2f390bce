package org.mxagent.daemon.impl;

import java.nio.file.Path;
import org.mxagent.runtime.api.RuntimeDirectories;

/** Names of the daemon's files in the runtime directory (specs/daemon-ipc.md). */
public final class DaemonFiles {
    private DaemonFiles() {}

    public static Path socket(RuntimeDirectories directories) {
        return directories.runtimeDir().resolve("daemon.sock");
    }

    public static Path status(RuntimeDirectories directories) {
        return directories.runtimeDir().resolve("daemon.json");
    }

    public static Path log(RuntimeDirectories directories) {
        return directories.runtimeDir().resolve("daemon.log");
    }

    public static Path lock(RuntimeDirectories directories) {
        return directories.runtimeDir().resolve("daemon.lock");
    }
}
