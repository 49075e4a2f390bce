package org.mxagent.daemon.impl.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcMethod;
import org.mxagent.daemon.impl.DaemonFiles;
import org.mxagent.daemon.impl.DaemonProcess;
import org.mxagent.daemon.impl.JsonRpc;
import org.mxagent.daemon.impl.auth.MatrixJson;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.mxagent.transport.api.MatrixAccount;
import org.mxagent.transport.api.MatrixClient;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code daemon.status}: process, directories, Matrix session and sync health, bundle counts. The transport
 * is optional so the status still answers in a runtime without it, or while it is being replaced.
 */
@Component(property = IpcMethod.METHOD + "=daemon.status")
public final class DaemonStatusMethod implements IpcMethod {
    private final BundleContext context;
    private final RuntimeDirectories directories;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MatrixAccount account;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MatrixClient client;

    @Activate
    public DaemonStatusMethod(BundleContext context,
            @Reference(name = "directories") RuntimeDirectories directories) {
        this.context = context;
        this.directories = directories;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) {
        Instant startedAt = DaemonProcess.startedAt();
        ObjectNode status = JsonRpc.MAPPER.createObjectNode();
        status.put("pid", DaemonProcess.pid());
        status.put("started_at", startedAt.toString());
        status.put("uptime_ms", Duration.between(startedAt, Instant.now()).toMillis());
        status.put("version", context.getBundle().getVersion().toString());
        status.put("socket", DaemonFiles.socket(directories).toString());
        status.put("log", DaemonFiles.log(directories).toString());
        status.put("data_dir", directories.dataDir().toString());
        status.put("config_dir", directories.configDir().toString());
        status.put("runtime_dir", directories.runtimeDir().toString());
        MatrixAccount currentAccount = account;
        status.put("transport", currentAccount != null);
        status.set("session", currentAccount == null ? null
                : currentAccount.session().map(MatrixJson::session).orElse(null));
        MatrixClient currentClient = client;
        status.set("sync", currentClient == null ? null : MatrixJson.sync(currentClient.syncStatus()));
        ObjectNode bundles = bundleCounts();
        status.set("bundles", bundles);
        status.put("ready", isReady(bundles));
        return status;
    }

    /**
     * Ready once the framework has finished starting (the system bundle turns ACTIVE only after every bundle
     * of the start level was started, and DS activates immediate components as their bundles start) and no
     * bundle is left short of ACTIVE. The CLI's {@code daemon start} waits for this, so the next command finds
     * the transport and every capability in place.
     */
    private boolean isReady(ObjectNode counts) {
        return context.getBundle(0).getState() == Bundle.ACTIVE
                && counts.get("active").asInt() == counts.get("total").asInt();
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(org.osgi.framework.Constants.FRAGMENT_HOST) != null;
    }

    private ObjectNode bundleCounts() {
        Bundle[] bundles = context.getBundles();
        int active = 0;
        int total = 0;
        for (Bundle bundle : bundles) {
            if (isFragment(bundle)) {
                continue; // fragments never become ACTIVE
            }
            total++;
            if (bundle.getState() == Bundle.ACTIVE) {
                active++;
            }
        }
        ObjectNode counts = JsonRpc.MAPPER.createObjectNode();
        counts.put("total", total);
        counts.put("active", active);
        return counts;
    }
}
