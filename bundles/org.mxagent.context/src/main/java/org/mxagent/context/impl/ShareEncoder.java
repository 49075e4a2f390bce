package org.mxagent.context.impl;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.mxagent.protocol.api.ProtocolJson;

/**
 * Decides how a document travels. Inline if its encoded {@code data} (UTF-8 text as is, anything else base64),
 * measured as the bytes it takes inside the event JSON, fits the inline limit; otherwise zstd-compressed to
 * Matrix media. The limit (32 KiB by default) keeps every event far below Matrix's 64 KiB cap: the peer inlines
 * up to 256 KiB, which a homeserver refuses.
 */
final class ShareEncoder {
    static final String UTF8 = "utf-8";
    static final String BASE64 = "base64";

    private ShareEncoder() {}

    static PreparedShare prepare(String contextId, String name, String mimeType, byte[] raw, int inlineLimit,
            int zstdLevel) {
        String sha256 = Sha256s.encode(raw);
        String text = utf8(raw);
        String data = text != null ? text : Base64.getEncoder().encodeToString(raw);
        if (encodedLength(data) <= inlineLimit) {
            return new PreparedShare(contextId, name, mimeType, raw.length, sha256, data, text != null ? UTF8 : BASE64,
                    null);
        }
        return new PreparedShare(contextId, name, ZstdCodec.compressedType(mimeType), raw.length, sha256, null, null,
                ZstdCodec.compress(raw, zstdLevel));
    }

    /** The bytes {@code data} occupies in the event's JSON (escapes included, quotes excluded). */
    static int encodedLength(String data) {
        return ProtocolJson.write(TextNode.valueOf(data)).getBytes(StandardCharsets.UTF_8).length - 2;
    }

    /** The text if {@code raw} is valid UTF-8, else null. */
    static String utf8(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
