package org.mxagent.daemon.impl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.daemon.impl.DaemonLog;
import org.mxagent.daemon.impl.JsonRpc;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code daemon.stop}: answers first, then stops the framework (and with it the daemon process). */
@Component(property = IpcMethod.METHOD + "=daemon.stop")
public final class DaemonStopMethod implements IpcMethod {
    private final BundleContext context;

    @Activate
    public DaemonStopMethod(BundleContext context) {
        this.context = context;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) {
        call.afterReply(this::stopOnOwnThread);
        ObjectNode result = JsonRpc.MAPPER.createObjectNode();
        result.put("stopping", true);
        return result;
    }

    /**
     * Stopping the framework deactivates the IPC server, which waits for its connection threads, one of which
     * runs this: so the stop itself must happen on a thread of its own.
     */
    private void stopOnOwnThread() {
        Thread stopper = new Thread(this::stopFramework, "mx-agent-daemon-stop");
        stopper.start();
    }

    private void stopFramework() {
        DaemonLog.info("stopping the runtime on request over IPC");
        try {
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).stop();
        } catch (BundleException | IllegalStateException e) {
            DaemonLog.error("cannot stop the runtime", e);
        }
    }
}
