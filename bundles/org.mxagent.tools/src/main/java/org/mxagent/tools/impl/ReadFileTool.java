package org.mxagent.tools.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.mxagent.protocol.api.ProtocolJson;
import org.mxagent.tool.spi.Tool;
import org.mxagent.tool.spi.ToolContext;
import org.mxagent.tool.spi.ToolException;
import org.osgi.service.component.annotations.Component;

/**
 * {@code read_file@1.0.0}: a slice of a regular file within the call's allowed paths (the requester's
 * {@code allow_cwd}; symbolic links resolved before the check). At most 32 KiB per call, so the answer fits in
 * one event; {@code offset} pages through bigger files. The SHA-256 covers the whole file.
 */
@Component(service = Tool.class)
public final class ReadFileTool implements Tool {
    static final int DEFAULT_BYTES = 16 * 1024;
    static final int MAX_BYTES = 32 * 1024;

    private static final JsonNode INPUT = Schemas.parse("""
            {"type":"object","required":["path"],"additionalProperties":false,"properties":{
              "path":{"type":"string","description":"absolute path of a file within the allowed paths"},
              "offset":{"type":"integer","minimum":0,"description":"first byte to return (default 0)"},
              "max_bytes":{"type":"integer","minimum":1,"maximum":32768,"description":"bytes to return (default 16384)"}}}""");
    private static final JsonNode OUTPUT = Schemas.parse("""
            {"type":"object","properties":{"path":{"type":"string"},"size":{"type":"integer"},
              "offset":{"type":"integer"},"length":{"type":"integer"},"encoding":{"enum":["utf-8","base64"]},
              "content":{"type":"string"},"eof":{"type":"boolean"},"sha256":{"type":"string"}}}""");

    @Override
    public String name() {
        return "read_file";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Read (a slice of) a file within the allowed paths; SHA-256 of the whole file included.";
    }

    @Override
    public JsonNode inputSchema() {
        return INPUT;
    }

    @Override
    public JsonNode outputSchema() {
        return OUTPUT;
    }

    @Override
    public JsonNode call(JsonNode args, ToolContext context) throws ToolException {
        Path file = context.paths().resolve(Args.requiredText(args, "path"));
        if (!Files.isRegularFile(file)) {
            throw new ToolException(ToolException.Kind.INVALID_ARGUMENTS, "not a regular file: " + file);
        }
        long offset = Args.integer(args, "offset", 0, 0, Long.MAX_VALUE);
        int max = (int) Args.integer(args, "max_bytes", DEFAULT_BYTES, 1, MAX_BYTES);
        MessageDigest digest = sha256();
        byte[] slice = new byte[0];
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                long start = Math.max(offset, size);
                long end = Math.min(offset + max, size + n);
                if (start < end) {
                    byte[] part = Arrays.copyOfRange(buffer, (int) (start - size), (int) (end - size));
                    byte[] joined = Arrays.copyOf(slice, slice.length + part.length);
                    System.arraycopy(part, 0, joined, slice.length, part.length);
                    slice = joined;
                }
                size += n;
            }
        } catch (IOException e) {
            throw new ToolException(ToolException.Kind.FAILED, "cannot read " + file + ": " + e.getMessage(), e);
        }
        ObjectNode result = ProtocolJson.newObject();
        result.put("path", file.toString());
        result.put("size", size);
        result.put("offset", offset);
        result.put("length", slice.length);
        boolean text = isUtf8(slice);
        result.put("encoding", text ? "utf-8" : "base64");
        result.put("content", text ? new String(slice, StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(slice));
        result.put("eof", offset + slice.length >= size);
        result.put("sha256", HexFormat.of().formatHex(digest.digest()));
        return result;
    }

    /** Valid UTF-8 and no control characters besides tab, newline and carriage return. */
    static boolean isUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException binary) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
