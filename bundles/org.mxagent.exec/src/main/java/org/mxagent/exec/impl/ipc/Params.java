package org.mxagent.exec.impl.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.mxagent.daemon.api.IpcException;

/** Reads method params; a wrong or missing param is a usage error (exit 64) that names it. */
final class Params {
    private Params() {}

    static String required(JsonNode params, String name) throws IpcException {
        return optional(params, name).orElseThrow(() -> IpcException.usage("missing param: " + name));
    }

    static Optional<String> optional(JsonNode params, String name) throws IpcException {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw IpcException.usage("param " + name + " must be a string");
        }
        return value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }

    static boolean flag(JsonNode params, String name) throws IpcException {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw IpcException.usage("param " + name + " must be true or false");
        }
        return value.asBoolean();
    }

    static long integer(JsonNode params, String name, long absent) throws IpcException {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw IpcException.usage("param " + name + " must be an integer");
        }
        return value.asLong();
    }

    static OptionalLong positive(JsonNode params, String name) throws IpcException {
        long value = integer(params, name, 0);
        if (value < 0) {
            throw IpcException.usage("param " + name + " must be positive");
        }
        return value == 0 ? OptionalLong.empty() : OptionalLong.of(value);
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

    static Map<String, String> stringMap(JsonNode params, String name) throws IpcException {
        JsonNode value = params.get(name);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return map;
        }
        if (!value.isObject()) {
            throw IpcException.usage("param " + name + " must be an object of strings");
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (!field.getValue().isTextual()) {
                throw IpcException.usage("param " + name + "." + field.getKey() + " must be a string");
            }
            map.put(field.getKey(), field.getValue().asText());
        }
        return map;
    }

    static byte[] base64(JsonNode params, String name) throws IpcException {
        JsonNode value = params.get(name);
        if (value == null || value.isNull()) {
            return new byte[0];
        }
        if (!value.isTextual()) {
            throw IpcException.usage("param " + name + " must be base64 text");
        }
        try {
            return Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw IpcException.usage("param " + name + " is not base64: " + e.getMessage());
        }
    }
}
