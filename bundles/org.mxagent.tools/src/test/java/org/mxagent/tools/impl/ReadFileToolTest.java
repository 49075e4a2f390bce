package org.mxagent.tools.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mxagent.policy.api.Allowance;
import org.mxagent.policy.api.NetworkMode;
import org.mxagent.policy.api.SandboxKind;
import org.mxagent.policy.api.SeccompMode;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.tool.spi.PathScope;
import org.mxagent.tool.spi.ToolContext;
import org.mxagent.tool.spi.ToolException;

class ReadFileToolTest {
    @TempDir
    Path dir;

    private ToolContext within(Path root) {
        Allowance allowance = new Allowance(1000, OptionalLong.empty(), SandboxKind.NONE, Optional.empty(),
                NetworkMode.DENY, List.of(), List.of(), List.of(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), SeccompMode.OFF, false, false, List.of());
        return new ToolContext() {
            @Override
            public String invocationId() {
                return "inv_test";
            }

            @Override
            public Optional<String> roomId() {
                return Optional.of("!room:test");
            }

            @Override
            public Optional<String> requester() {
                return Optional.of("@alice:test");
            }

            @Override
            public Allowance allowance() {
                return allowance;
            }

            @Override
            public PathScope paths() {
                return PathScope.within(List.of(root));
            }
        };
    }

    @Test
    void readsASliceAndHashesTheWholeFile() throws Exception {
        byte[] content = "abcdefghij".repeat(5000).getBytes();
        Path file = Files.write(dir.resolve("f.txt"), content);
        JsonNode args = ProtocolJson.newObject().put("path", file.toString()).put("offset", 10).put("max_bytes", 5);
        JsonNode result = new ReadFileTool().call(args, within(dir));
        assertEquals("abcde", result.get("content").asText());
        assertEquals("utf-8", result.get("encoding").asText());
        assertEquals(content.length, result.get("size").asLong());
        assertFalse(result.get("eof").asBoolean());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                result.get("sha256").asText());
    }

    @Test
    void binaryIsBase64AndPathsOutsideTheScopeAreDenied() throws Exception {
        Path file = Files.write(dir.resolve("bin"), new byte[] {0, 1, 2, (byte) 0xff});
        JsonNode result = new ReadFileTool().call(ProtocolJson.newObject().put("path", file.toString()), within(dir));
        assertEquals("base64", result.get("encoding").asText());
        assertEquals("AAEC/w==", result.get("content").asText());
        assertTrue(result.get("eof").asBoolean());

        Path inside = Files.createDirectories(dir.resolve("inside"));
        ToolException denied = assertThrows(ToolException.class, () -> new ReadFileTool()
                .call(ProtocolJson.newObject().put("path", file.toString()), within(inside)));
        assertEquals(ToolException.Kind.DENIED, denied.kind());
        ToolException tooBig = assertThrows(ToolException.class, () -> new ReadFileTool()
                .call(ProtocolJson.newObject().put("path", file.toString()).put("max_bytes", 1_000_000), within(dir)));
        assertEquals("invalid_arguments", tooBig.code());
    }
}
