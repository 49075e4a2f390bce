package org.mxagent.adapter.tasks.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Advertises each registered adapter as capability {@code adapter:<name>} in every hosted agent's
 * {@code agent.v1}: one {@link CapabilityProvider} service per adapter service, registered when the adapter's
 * bundle starts and unregistered when it stops, so installing or removing an adapter needs no restart.
 */
@Component(immediate = true, service = {})
public final class AdapterCapabilities {
    static final String PREFIX = "adapter:";

    private final BundleContext context;
    private final Map<ServiceReference<AgentAdapter>, ServiceRegistration<CapabilityProvider>> advertised =
            new HashMap<>();
    private boolean active = true;

    @Activate
    public AdapterCapabilities(BundleContext context) {
        this.context = context;
    }

    @Reference(service = AgentAdapter.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addAdapter(ServiceReference<AgentAdapter> reference, AgentAdapter adapter) {
        if (!active) {
            return;
        }
        List<String> capabilities = List.of(PREFIX + adapter.name());
        advertised.put(reference, context.registerService(CapabilityProvider.class, () -> capabilities, null));
    }

    void removeAdapter(ServiceReference<AgentAdapter> reference) {
        ServiceRegistration<CapabilityProvider> registration;
        synchronized (this) {
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
        }
        all.forEach(AdapterCapabilities::unregister);
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
