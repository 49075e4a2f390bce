package org.mxagent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code workspace status --watch}: prints the status, then what changes, until Ctrl-C or the end of standard
 * input. Each look is a long poll ({@code workspace.watch}) that the daemon answers when something a watcher
 * shows changed, so nothing here sleeps or polls on a timer. Standard input that is {@code /dev/null} or an
 * empty file ends nothing (a script's usual stdin): then only Ctrl-C stops it.
 */
final class WorkspaceWatcher {
    /** How long the daemon may hold one look; within its 60 s budget. */
    static final long LOOK_MILLIS = 25_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Invocation inv;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile IpcClient client;

    private WorkspaceWatcher(Invocation inv) {
        this.inv = inv;
    }

    static int run(Invocation inv, Map<String, Object> params, boolean stdinEndsIt) throws CliException {
        return new WorkspaceWatcher(inv).watch(params, stdinEndsIt);
    }

    private int watch(Map<String, Object> params, boolean stdinEndsIt) throws CliException {
        if (stdinEndsIt) {
            Thread reader = new Thread(() -> stopAtEndOf(inv.in), "mx-agent watch stdin");
            reader.setDaemon(true);
            reader.start();
        }
        Map<String, Object> shown = null;
        String digest = "";
        try (IpcClient connection = IpcClient.connect(inv.socket(), inv.verbose, LOOK_MILLIS + 20_000)) {
            client = connection;
            while (!stopped.get()) {
                Map<String, Object> look = new LinkedHashMap<>(params);
                look.put("since", digest);
                look.put("timeout_ms", LOOK_MILLIS);
                Map<String, Object> reply;
                try {
                    reply = Json.object(connection.call("workspace.watch", look));
                } catch (CliException e) {
                    if (stopped.get()) {
                        break;
                    }
                    throw e;
                }
                digest = Json.string(reply, "digest");
                if (Json.flag(reply, "changed")) {
                    Map<String, Object> status = Json.object(reply, "status");
                    show(shown, status);
                    shown = status;
                }
            }
        }
        return ExitCodes.OK;
    }

    private void show(Map<String, Object> before, Map<String, Object> status) {
        if (inv.json()) {
            inv.printJson(status);
        } else if (before == null) {
            inv.out.print(WorkspaceCommands.renderStatus(status, System.currentTimeMillis()));
            inv.out.println("\nwatching for changes (Ctrl-C or end of input stops)");
        } else {
            String now = LocalTime.now().format(CLOCK);
            for (String line : WatchDiff.lines(before, status)) {
                inv.out.println(now + "  " + line);
            }
        }
        inv.out.flush();
    }

    /** Reads (and ignores) standard input; at its end, stops the watch by closing the connection. */
    private void stopAtEndOf(InputStream in) {
        byte[] buffer = new byte[4096];
        try {
            while (in.read(buffer) >= 0) {
                // Input carries no commands; only its end matters.
            }
        } catch (IOException e) {
            inv.verbose.log(1, "standard input failed (" + e.getMessage() + "); stopping the watch");
        }
        stopped.set(true);
        IpcClient current = client;
        if (current != null) {
            current.close();
        }
    }
}
