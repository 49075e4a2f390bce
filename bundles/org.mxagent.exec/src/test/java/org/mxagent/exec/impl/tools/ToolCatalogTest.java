package org.mxagent.exec.impl.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.tool.spi.Tool;
import org.mxagent.tool.spi.ToolContext;

class ToolCatalogTest {
    static Tool tool(String name, String version) {
        return new Tool() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String version() {
                return version;
            }

            @Override
            public String description() {
                return name + " " + version;
            }

            @Override
            public JsonNode inputSchema() {
                return ProtocolJson.newObject();
            }

            @Override
            public JsonNode outputSchema() {
                return ProtocolJson.newObject();
            }

            @Override
            public JsonNode call(JsonNode args, ToolContext context) {
                return ProtocolJson.newObject().put("version", version);
            }
        };
    }

    @Test
    void aBareNameGetsTheHighestVersionAndAPinnedOneExactlyThatOne() {
        ToolCatalog catalog = new ToolCatalog();
        catalog.add(tool("fmt", "1.9.0"));
        catalog.add(tool("fmt", "1.10.0"));
        catalog.add(tool("lint", "2.0"));
        assertEquals("1.10.0", catalog.resolve("fmt").orElseThrow().version(), "numeric, not text, order");
        assertEquals("1.9.0", catalog.resolve("fmt@1.9.0").orElseThrow().version());
        assertTrue(catalog.resolve("fmt@2.0.0").isEmpty(), "never another version");
        assertTrue(catalog.whyNot("fmt@2.0.0").contains("unknown version 2.0.0"));
        assertTrue(catalog.whyNot("nope").contains("unknown tool nope"));
        assertEquals(List.of("fmt@1.9.0", "fmt@1.10.0", "lint@2.0"), catalog.keys());
    }

    @Test
    void malformedToolsAreNotOfferedAndChangesAreAnnounced() {
        ToolCatalog catalog = new ToolCatalog();
        AtomicInteger changes = new AtomicInteger();
        catalog.onChange(changes::incrementAndGet);
        assertFalse(catalog.add(tool("bad@name", "1")));
        assertFalse(catalog.add(tool("ok", "1 2")));
        Tool ok = tool("ok", "1");
        assertTrue(catalog.add(ok));
        catalog.remove(ok);
        assertEquals(2, changes.get());
        assertTrue(catalog.all().isEmpty());
    }
}
