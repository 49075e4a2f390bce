package org.mxagent.cli;

import java.util.Map;

/** {@code daemon status}: exit 3 when nothing answers. */
final class DaemonStatus {
    private DaemonStatus() {}

    static int run(Invocation inv) throws CliException {
        Map<String, Object> status;
        try (IpcClient client = inv.connect()) {
            status = Json.object(client.call("daemon.status", null));
        }
        if (inv.json()) {
            inv.printJson(status);
        } else {
            inv.out.print(StatusView.render(status));
        }
        return ExitCodes.OK;
    }
}
