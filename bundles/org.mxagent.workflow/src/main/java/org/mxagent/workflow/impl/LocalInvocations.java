package org.mxagent.workflow.impl;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mxagent.workflow.spi.Dispatch;
import org.osgi.service.component.annotations.Component;

/** The dispatches running on this runtime by invocation id, so {@code task cancel} can stop the linked one. */
@Component(service = LocalInvocations.class)
public final class LocalInvocations {
    private final Map<String, Dispatch> running = new ConcurrentHashMap<>();

    public void started(String invocationId, Dispatch dispatch) {
        running.put(invocationId, dispatch);
    }

    public void finished(String invocationId) {
        running.remove(invocationId);
    }

    public Optional<Dispatch> find(String invocationId) {
        return Optional.ofNullable(running.get(invocationId));
    }

    public int count() {
        return running.size();
    }
}
