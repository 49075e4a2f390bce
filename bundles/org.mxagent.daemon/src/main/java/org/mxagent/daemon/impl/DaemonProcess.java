package org.mxagent.daemon.impl;

import java.lang.management.ManagementFactory;
import java.time.Instant;

/** The daemon is the JVM process: its pid and start time are the process's. */
public final class DaemonProcess {
    private DaemonProcess() {}

    public static long pid() {
        return ProcessHandle.current().pid();
    }

    public static Instant startedAt() {
        return ProcessHandle.current().info().startInstant()
                .orElseGet(() -> Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    }
}
