package org.mxagent.discovery.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.ProtocolJson;

class SchemaSummaryTest {
    @Test
    void propertiesWithRequiredAndOptionalOnes() throws Exception {
        assertEquals("path:string, depth?:integer, mode?:string|null", SchemaSummary.of(ProtocolJson.parse(
                "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"},\"depth\":{\"type\":\"integer\"},"
                        + "\"mode\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"path\"]}")));
    }

    @Test
    void schemasWithoutPropertiesByTheirType() throws Exception {
        assertEquals("any", SchemaSummary.of(ProtocolJson.parse("{}")));
        assertEquals("any", SchemaSummary.of(null));
        assertEquals("object", SchemaSummary.of(ProtocolJson.parse("{\"type\":\"object\"}")));
        assertEquals("enum", SchemaSummary.of(ProtocolJson.parse("{\"enum\":[1,2]}")));
    }
}
