package org.mxagent.tools.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.mxagent.tool.spi.ToolException;

/** Reads tool arguments; anything wrong is {@code INVALID_ARGUMENTS} naming the argument. */
final class Args {
    private Args() {}

    static String requiredText(JsonNode args, String name) throws ToolException {
        return text(args, name).orElseThrow(() -> invalid("missing argument: " + name));
    }

    static Optional<String> text(JsonNode args, String name) throws ToolException {
        JsonNode value = object(args).get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid("argument " + name + " must be a string");
        }
        return Optional.of(value.asText());
    }

    static long integer(JsonNode args, String name, long absent, long min, long max) throws ToolException {
        JsonNode value = object(args).get(name);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw invalid("argument " + name + " must be an integer in " + min + ".." + max);
        }
        return value.asLong();
    }

    private static JsonNode object(JsonNode args) throws ToolException {
        if (args == null || !args.isObject()) {
            throw invalid("arguments must be a JSON object");
        }
        return args;
    }

    private static ToolException invalid(String message) {
        return new ToolException(ToolException.Kind.INVALID_ARGUMENTS, message);
    }
}
