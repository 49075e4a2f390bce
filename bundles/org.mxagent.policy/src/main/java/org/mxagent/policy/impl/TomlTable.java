package org.mxagent.policy.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.mxagent.policy.api.PolicyException;

/** A TOML table with typed, path-aware reads: every wrong type or unknown key names its dotted path. */
final class TomlTable {
    /** Checks and converts one string; throws a {@link PolicyException} naming {@code path} when it is wrong. */
    @FunctionalInterface
    interface StringRule<T> {
        T convert(String value, KeyPath path) throws PolicyException;
    }

    private final JsonNode node;
    private final KeyPath path;
    private final PolicyErrors errors;

    TomlTable(JsonNode node, KeyPath path, PolicyErrors errors) throws PolicyException {
        if (!node.isObject()) {
            throw errors.at(path, "expected a table, found " + describe(node));
        }
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    KeyPath path() {
        return path;
    }

    PolicyErrors errors() {
        return errors;
    }

    /** Rejects any key outside {@code known}, like serde's deny_unknown_fields. */
    void rejectUnknownKeys(Set<String> known) throws PolicyException {
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw errors.at(path.child(name), "unknown key; expected one of " + String.join(", ",
                        new TreeSet<>(known)));
            }
        }
    }

    Optional<Boolean> bool(String key) throws PolicyException {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw errors.at(path.child(key), "expected true or false, found " + describe(value));
        }
        return Optional.of(value.booleanValue());
    }

    <T> Optional<T> string(String key, StringRule<T> rule) throws PolicyException {
        JsonNode value = node.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw errors.at(path.child(key), "expected a string, found " + describe(value));
        }
        return Optional.of(rule.convert(value.textValue(), path.child(key)));
    }

    <T> List<T> strings(String key, StringRule<T> rule) throws PolicyException {
        JsonNode value = node.get(key);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw errors.at(path.child(key), "expected an array of strings, found " + describe(value));
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            KeyPath elementPath = path.child(key).element(i);
            if (!element.isTextual()) {
                throw errors.at(elementPath, "expected a string, found " + describe(element));
            }
            out.add(rule.convert(element.textValue(), elementPath));
        }
        return out;
    }

    /** A positive integer that fits in 64 bits. */
    OptionalLong positiveLong(String key, String unit) throws PolicyException {
        JsonNode value = node.get(key);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() <= 0) {
            throw errors.at(path.child(key), "expected a positive integer (" + unit + "), found "
                    + describe(value));
        }
        return OptionalLong.of(value.longValue());
    }

    Optional<TomlTable> table(String key) throws PolicyException {
        JsonNode value = node.get(key);
        return value == null ? Optional.empty() : Optional.of(new TomlTable(value, path.child(key), errors));
    }

    /** Every entry of this table, each required to be a table itself, in file order. */
    Map<String, TomlTable> subTables() throws PolicyException {
        Map<String, TomlTable> out = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            out.put(field.getKey(), new TomlTable(field.getValue(), path.child(field.getKey()), errors));
        }
        return out;
    }

    static String describe(JsonNode value) {
        if (value.isTextual()) {
            String text = value.textValue();
            return "string \"" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "\"";
        }
        if (value.isBoolean()) {
            return "boolean " + value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return "integer " + value.asText();
        }
        if (value.isNumber()) {
            return "number " + value.asText();
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "a table";
        }
        return value.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
