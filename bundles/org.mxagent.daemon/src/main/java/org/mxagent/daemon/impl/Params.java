package org.mxagent.daemon.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.mxagent.daemon.api.IpcException;

/** Reads method params with usage errors (exit 64) that name the param. */
public final class Params {
    private Params() {}

    public static String requiredText(JsonNode params, String name) throws IpcException {
        return optionalText(params, name).orElseThrow(() -> IpcException.usage("missing param: " + name));
    }

    public static Optional<String> optionalText(JsonNode params, String name) throws IpcException {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw IpcException.usage("param " + name + " must be a string");
        }
        return value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
    }
}
