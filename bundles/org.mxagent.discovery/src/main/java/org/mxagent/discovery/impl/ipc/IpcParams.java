package org.mxagent.discovery.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.mxagent.daemon.api.IpcException;

/** Reads method params; a wrong or missing param is a usage error (exit 64) that names it. */
final class IpcParams {
    private IpcParams() {}

    static String required(JsonNode params, String name) throws IpcException {
        String value = optional(params, name, "");
        if (value.isEmpty()) {
            throw IpcException.usage("missing param: " + name);
        }
        return value;
    }

    static String optional(JsonNode params, String name, String absent) throws IpcException {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isTextual()) {
            throw IpcException.usage("param " + name + " must be a string");
        }
        return value.asText();
    }

    static int integer(JsonNode params, String name, int absent) throws IpcException {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw IpcException.usage("param " + name + " must be an integer");
        }
        return value.intValue();
    }

    /** A positive integer of milliseconds, or {@code absent}; range checks are the caller's. */
    static long millis(JsonNode params, String name, long absent) throws IpcException {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() <= 0) {
            throw IpcException.usage("param " + name + " must be a positive integer (milliseconds)");
        }
        return value.longValue();
    }

    /** A JSON boolean, or the strings {@code on}/{@code off} as the CLI flags spell them. */
    static boolean onOff(JsonNode params, String name, boolean absent) throws IpcException {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.asText().equals("on") || value.asText().equals("off"))) {
            return value.asText().equals("on");
        }
        throw IpcException.usage("param " + name + " must be true/false or \"on\"/\"off\"");
    }

    static List<String> strings(JsonNode params, String name) throws IpcException {
        JsonNode value = params.get(name);
        List<String> strings = new ArrayList<>();
        if (value == null || value.isNull()) {
            return strings;
        }
        if (!value.isArray()) {
            throw IpcException.usage("param " + name + " must be an array of strings");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw IpcException.usage("param " + name + " must be an array of strings");
            }
            strings.add(item.asText());
        }
        return strings;
    }
}
