package org.mxagent.workflow.impl.recovery;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Stops a process left behind by a crashed runtime, but only if it is provably the one recorded: same boot, same
 * pid, same start time. Its process group (the task's command runs under setsid, so pgid = pid) gets SIGTERM, and
 * SIGKILL after the grace period; descendants that left the group are signalled one by one.
 */
public final class OrphanReaper {
    private OrphanReaper() {}

    /** What became of the recorded process. */
    public enum Result {
        /** It had already exited. */
        GONE,
        /** A different process has the pid now (or /proc cannot prove it is ours): left alone. */
        NOT_OURS,
        /** It was ours and has been stopped. */
        STOPPED,
        /** It was ours but survived SIGKILL within the grace period. */
        SURVIVED
    }

    public static Result reap(ProcessIdentity recorded, Duration grace) {
        Optional<ProcessIdentity.Observed> now = ProcessIdentity.observe(recorded.pid());
        if (now.isEmpty() || now.get().zombie()) {
            return ProcessIdentity.currentBootId().isPresent() ? Result.GONE : Result.NOT_OURS;
        }
        if (!now.get().identity().sameProcessAs(recorded)) {
            return Result.NOT_OURS;
        }
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle.of(recorded.pid()).ifPresent(leader -> {
            tree.add(leader);
            leader.descendants().forEach(tree::add);
        });
        // Read the group now: a record taken right after the fork may predate the child's own setsid().
        boolean group = now.get().identity().processGroup() == recorded.pid();
        signal(group, recorded.pid(), "TERM");
        tree.forEach(ProcessHandle::destroy);
        if (awaitExit(recorded, grace)) {
            return Result.STOPPED;
        }
        signal(group, recorded.pid(), "KILL");
        tree.forEach(ProcessHandle::destroyForcibly);
        return awaitExit(recorded, grace) ? Result.STOPPED : Result.SURVIVED;
    }

    private static void signal(boolean group, long pgid, String signal) {
        if (!group) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, "--", "-" + pgid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the per-process destroy() below still reaches the recorded tree
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls /proc: the orphan is no child of ours, so there is nothing to wait on but its disappearance. */
    private static boolean awaitExit(ProcessIdentity recorded, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            Optional<ProcessIdentity.Observed> now = ProcessIdentity.observe(recorded.pid());
            if (now.isEmpty() || now.get().zombie() || !now.get().identity().sameProcessAs(recorded)) {
                return true;
            }
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
