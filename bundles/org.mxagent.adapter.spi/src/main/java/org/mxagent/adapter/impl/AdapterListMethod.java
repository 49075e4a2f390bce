package org.mxagent.adapter.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mxagent.adapter.api.AdapterRunner;
import org.mxagent.daemon.api.IpcCall;
import org.mxagent.daemon.api.IpcMethod;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code adapter.list}: the registered adapters and what detection found (specs/adapters.md). */
@Component(service = IpcMethod.class, property = IpcMethod.METHOD + "=adapter.list")
public final class AdapterListMethod implements IpcMethod {
    private final AdapterRunner runner;

    @Activate
    public AdapterListMethod(@Reference AdapterRunner runner) {
        this.runner = runner;
    }

    @Override
    public JsonNode call(JsonNode params, IpcCall call) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        var list = result.putArray("adapters");
        runner.adapters().forEach(status -> list.add(ProgressJson.status(status)));
        return result;
    }
}
