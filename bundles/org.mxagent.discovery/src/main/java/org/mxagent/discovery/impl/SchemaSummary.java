package org.mxagent.discovery.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line about a JSON Schema, for listings: an object's properties as {@code name:type}, optional ones
 * marked {@code name?:type} ({@code path:string, depth?:integer}); another schema by its type.
 */
public final class SchemaSummary {
    private SchemaSummary() {}

    public static String of(JsonNode schema) {
        if (schema == null || !schema.isObject() || schema.isEmpty()) {
            return "any";
        }
        JsonNode properties = schema.path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
            return typeOf(schema);
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        List<String> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            parts.add(field.getKey() + (required.contains(field.getKey()) ? "" : "?") + ":" + typeOf(field.getValue()));
        }
        return String.join(", ", parts);
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray() && !type.isEmpty()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asText()));
            return String.join("|", types);
        }
        if (schema.has("enum")) {
            return "enum";
        }
        return "any";
    }
}
