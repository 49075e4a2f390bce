package org.mxagent.protocol.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.protocol.api.event.WireValue;
import org.mxagent.protocol.api.sign.EventSignature;

/**
 * Builds one JSON object for a codec. Nullable members are always written ({@code null} when Java null); optional
 * members are written only when present; {@code extra} members follow the protocol fields and may not shadow one;
 * a {@code signature} comes last.
 */
final class FieldWriter {
    private final ObjectNode node = ProtocolJson.newObject();
    /** Every protocol field name written or skipped as absent; extras may not use them. */
    private final Set<String> fields = new HashSet<>();
    private Map<String, JsonNode> extra = Map.of();
    private Optional<EventSignature> signature = Optional.empty();

    /** A string member; a Java null is written as JSON null. */
    FieldWriter string(String name, String value) {
        fields.add(name);
        node.put(name, value);
        return this;
    }

    FieldWriter optionalString(String name, Optional<String> value) {
        fields.add(name);
        value.ifPresent(v -> node.put(name, v));
        return this;
    }

    FieldWriter bool(String name, boolean value) {
        fields.add(name);
        node.put(name, value);
        return this;
    }

    FieldWriter integer(String name, long value) {
        fields.add(name);
        node.put(name, value);
        return this;
    }

    /** An integer member; a Java null is written as JSON null. */
    FieldWriter nullableInteger(String name, Number value) {
        fields.add(name);
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value.longValue());
        }
        return this;
    }

    /** Any JSON value; a Java null is written as JSON null. */
    FieldWriter json(String name, JsonNode value) {
        fields.add(name);
        node.set(name, value == null ? node.nullNode() : value);
        return this;
    }

    FieldWriter optionalJson(String name, Optional<? extends JsonNode> value) {
        fields.add(name);
        value.ifPresent(v -> node.set(name, v));
        return this;
    }

    FieldWriter wire(String name, WireValue value) {
        fields.add(name);
        node.put(name, value.wire());
        return this;
    }

    FieldWriter stringList(String name, List<String> values) {
        fields.add(name);
        ArrayNode array = node.putArray(name);
        values.forEach(array::add);
        return this;
    }

    FieldWriter stringMap(String name, Map<String, String> values) {
        fields.add(name);
        ObjectNode object = node.putObject(name);
        values.forEach(object::put);
        return this;
    }

    /** The unknown members, written after the protocol fields. */
    FieldWriter extra(Map<String, JsonNode> unknown) {
        this.extra = unknown;
        return this;
    }

    /**
     * The {@code signature} member, omitted when empty and otherwise written last, where
     * {@code EventSigner.sign} appends it.
     */
    FieldWriter signature(Optional<EventSignature> value) {
        fields.add("signature");
        this.signature = value;
        return this;
    }

    /** The object; refuses an extra member that would shadow a protocol field. */
    ObjectNode build() {
        extra.forEach((name, value) -> {
            if (fields.contains(name)) {
                throw new IllegalArgumentException("extra member \"" + name + "\" collides with a protocol field");
            }
            node.set(name, value);
        });
        signature.ifPresent(s -> node.set("signature", s.toJson()));
        return node;
    }
}
