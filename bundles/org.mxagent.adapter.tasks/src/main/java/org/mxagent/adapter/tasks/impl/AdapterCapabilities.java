package org.mxagent.adapter.tasks.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mxagent.adapter.spi.AgentAdapter;
import org.mxagent.discovery.spi.CapabilityProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Advertises each adapter that can run here as capability {@code adapter:<name>} in every hosted agent's
 * {@code agent.v1}: one {@link CapabilityProvider} service per adapter whose {@code detect()} finds its CLI,
 * registered when the adapter's bundle starts (or its configuration makes the CLI found) and unregistered when it
 * stops or the CLI goes away, so installing, reconfiguring or removing an adapter needs no restart. Detection runs
 * on this component's own thread (a probe may take seconds) and again every {@value #RECHECK_SECONDS} s, which
 * notices a CLI installed or removed behind the runtime's back.
 */
@Component(immediate = true, service = {})
public final class AdapterCapabilities {
    static final String PREFIX = "adapter:";
    static final long RECHECK_SECONDS = 300;

    private final BundleContext context;
    private final Logger log;
    private final ScheduledExecutorService detector;
    private final Map<ServiceReference<AgentAdapter>, AgentAdapter> adapters = new HashMap<>();
    private final Map<ServiceReference<AgentAdapter>, ServiceRegistration<CapabilityProvider>> advertised =
            new HashMap<>();
    private boolean active = true;

    @Activate
    public AdapterCapabilities(BundleContext context, @Reference(service = LoggerFactory.class) Logger log) {
        this.context = context;
        this.log = log;
        this.detector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mx-agent adapter capabilities");
            thread.setDaemon(true);
            return thread;
        });
        detector.scheduleWithFixedDelay(this::recheckAll, RECHECK_SECONDS, RECHECK_SECONDS, TimeUnit.SECONDS);
    }

    @Reference(service = AgentAdapter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedAdapter")
    synchronized void addAdapter(ServiceReference<AgentAdapter> reference, AgentAdapter adapter) {
        adapters.put(reference, adapter);
        queueCheck(reference, adapter);
    }

    /** The adapter's configuration changed (e.g. its binary): detect again. */
    synchronized void updatedAdapter(ServiceReference<AgentAdapter> reference, AgentAdapter adapter) {
        queueCheck(reference, adapter);
    }

    void removeAdapter(ServiceReference<AgentAdapter> reference) {
        ServiceRegistration<CapabilityProvider> registration;
        synchronized (this) {
            adapters.remove(reference);
            registration = advertised.remove(reference);
        }
        unregister(registration);
    }

    @Deactivate
    void deactivate() {
        List<ServiceRegistration<CapabilityProvider>> all;
        synchronized (this) {
            active = false;
            all = List.copyOf(advertised.values());
            advertised.clear();
            adapters.clear();
        }
        detector.shutdownNow();
        all.forEach(AdapterCapabilities::unregister);
    }

    private void queueCheck(ServiceReference<AgentAdapter> reference, AgentAdapter adapter) {
        if (active) {
            detector.execute(() -> check(reference, adapter));
        }
    }

    private void recheckAll() {
        Map<ServiceReference<AgentAdapter>, AgentAdapter> now;
        synchronized (this) {
            now = Map.copyOf(adapters);
        }
        now.forEach(this::check);
    }

    /** Detector thread: registers or unregisters the adapter's capability to match its detection. */
    private void check(ServiceReference<AgentAdapter> reference, AgentAdapter adapter) {
        boolean installed;
        String name;
        try {
            name = adapter.name();
            installed = adapter.detect().installed();
        } catch (RuntimeException e) {
            log.warn("adapter detection failed; not advertising it: {}", e.toString(), e);
            installed = false;
            name = null;
        }
        ServiceRegistration<CapabilityProvider> gone = null;
        synchronized (this) {
            if (!active || adapters.get(reference) != adapter) {
                return; // removed meanwhile
            }
            if (installed && !advertised.containsKey(reference)) {
                List<String> capabilities = List.of(PREFIX + name);
                advertised.put(reference, context.registerService(CapabilityProvider.class, () -> capabilities,
                        null));
                log.info("advertising {} (its CLI was found)", capabilities.get(0));
            } else if (!installed) {
                gone = advertised.remove(reference);
            }
        }
        if (gone != null) {
            unregister(gone);
            log.info("no longer advertising adapter {}: its CLI is not found", name);
        }
    }

    private static void unregister(ServiceRegistration<CapabilityProvider> registration) {
        if (registration == null) {
            return;
        }
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // our bundle is stopping: the framework unregisters its services itself
        }
    }
}
