package org.mxagent.workflow.impl.recovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What identifies a process beyond its pid (which the kernel reuses): its start time in clock ticks since boot
 * ({@code /proc/<pid>/stat} field 22) and the boot it belongs to ({@code /proc/sys/kernel/random/boot_id}).
 * Linux only; elsewhere nothing is provable and nothing is reaped.
 */
public record ProcessIdentity(long pid, long processGroup, long startTicks, String bootId) {

    /** A live process's identity and whether it has exited already (a zombie nobody reaped yet). */
    public record Observed(ProcessIdentity identity, boolean zombie) {}

    /** The identity of a live process now, or empty when it is gone or /proc cannot say. */
    public static Optional<ProcessIdentity> of(long pid) {
        return observe(pid).filter(o -> !o.zombie()).map(Observed::identity);
    }

    /** As {@link #of}, zombies included (they have exited; only their parent has not collected them). */
    public static Optional<Observed> observe(long pid) {
        Optional<String> boot = currentBootId();
        if (boot.isEmpty()) {
            return Optional.empty();
        }
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        // "pid (comm) state ppid pgrp ..." where comm may contain spaces and parentheses: split after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        if (fields.length < 20) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Observed(new ProcessIdentity(pid, Long.parseLong(fields[2]),
                    Long.parseLong(fields[19]), boot.get()), "Z".equals(fields[0]) || "X".equals(fields[0])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<String> currentBootId() {
        try {
            return Optional.of(Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Same boot, same pid, same start time: the very process that was recorded (a reused pid starts later). */
    public boolean sameProcessAs(ProcessIdentity recorded) {
        return pid == recorded.pid && startTicks == recorded.startTicks && bootId.equals(recorded.bootId);
    }
}
