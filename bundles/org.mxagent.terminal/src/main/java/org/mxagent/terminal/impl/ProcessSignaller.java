package org.mxagent.terminal.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/**
 * Sends SIGTERM / SIGKILL to a run's processes. Java can signal single processes (ProcessHandle.destroy /
 * destroyForcibly, which re-check the start time so a recycled pid is never hit) but not a process group, so the
 * group is signalled with {@code kill -s SIG -- -pgid}. Both are used: the group reaches children that were
 * re-parented away from the leader, the descendant walk reaches children that left the group (setsid, bwrap's
 * {@code --new-session}).
 *
 * <p>Under a sandbox supervisor (bwrap) the graceful SIGTERM goes to the supervisor's descendants only: bwrap
 * dies of SIGTERM without passing it on, and its death SIGKILLs the whole sandbox, so signalling it first would
 * deny the command its graceful stop. SIGKILL goes everywhere.
 */
final class ProcessSignaller {
    private static final long KILL_COMMAND_TIMEOUT_MS = 5_000;
    private final Path kill;
    private final Logger log;

    ProcessSignaller(Path kill, Logger log) {
        this.kill = kill;
        this.log = log;
    }

    /** SIGTERM to the group (unless supervised) and every descendant; true if the group was signalled. */
    boolean terminate(ProcessHandle leader, boolean supervised) {
        boolean group = !supervised && signalGroup(leader.pid(), "TERM");
        leader.descendants().forEach(ProcessHandle::destroy);
        return group || supervised;
    }

    /** SIGKILL to the group, every descendant and the leader; true if the group was signalled. */
    boolean kill(ProcessHandle leader) {
        List<ProcessHandle> descendants = leader.descendants().toList();
        boolean group = signalGroup(leader.pid(), "KILL");
        descendants.forEach(ProcessHandle::destroyForcibly);
        leader.destroyForcibly();
        return group;
    }

    /** Signals process group {@code pgid}; false (logged) when no such group remains or kill could not run. */
    boolean signalGroup(long pgid, String signal) {
        try {
            Process process = new ProcessBuilder(kill.toString(), "-s", signal, "--", "-" + pgid)
                    .redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            if (!process.waitFor(KILL_COMMAND_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                log.warn("kill -s {} -- -{} did not finish in {} ms", signal, pgid, KILL_COMMAND_TIMEOUT_MS);
                return false;
            }
            if (process.exitValue() != 0) {
                log.debug("kill -s {} -- -{}: exit {} {}", signal, pgid, process.exitValue(), output);
                return false;
            }
            return true;
        } catch (IOException e) {
            log.error("cannot run {} to signal process group {}", kill, pgid, e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while signalling process group {}", pgid);
            return false;
        }
    }
}
