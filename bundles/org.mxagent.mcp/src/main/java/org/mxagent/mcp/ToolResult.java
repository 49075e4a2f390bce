package org.mxagent.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a tool returns: text for the model, optional structured content, and whether the tool failed. */
record ToolResult(String text, Map<String, Object> structured, boolean isError) {

    static ToolResult ok(String text, Map<String, Object> structured) {
        return new ToolResult(text, structured, false);
    }

    static ToolResult error(String text) {
        return new ToolResult(text, null, true);
    }

    /** The MCP {@code CallToolResult}; structured content only where the negotiated version has it. */
    Map<String, Object> toJson(boolean withStructuredContent) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("content", List.of(Map.of("type", "text", "text", text)));
        if (withStructuredContent && structured != null) {
            result.put("structuredContent", structured);
        }
        result.put("isError", isError);
        return result;
    }
}
