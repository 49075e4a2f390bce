package org.mxagent.context.impl;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import org.mxagent.context.api.ContextException;
import org.mxagent.context.api.ContextException.Kind;

/** zstd for media shares (zstd-jni, native code inside its bundle). */
final class ZstdCodec {
    /** The MIME suffix that says "these bytes are zstd-compressed". */
    static final String SUFFIX = "+zstd";

    private ZstdCodec() {}

    static byte[] compress(byte[] raw, int level) {
        return Zstd.compress(raw, level);
    }

    /**
     * Decompresses a share that declares {@code declaredSize} raw bytes. The declared size bounds the output, so
     * a small upload cannot expand into a huge buffer; {@code maxBytes} bounds what we accept at all.
     */
    static byte[] decompress(byte[] compressed, long declaredSize, long maxBytes) throws ContextException {
        if (declaredSize > maxBytes || declaredSize > Integer.MAX_VALUE - 16) {
            throw new ContextException(Kind.REJECTED, "the share declares " + declaredSize
                    + " bytes, above the limit of " + maxBytes);
        }
        try {
            return Zstd.decompress(compressed, (int) declaredSize);
        } catch (ZstdException e) {
            throw new ContextException(Kind.REJECTED, "the media is not zstd data of the declared size "
                    + declaredSize + ": " + e.getMessage(), e);
        }
    }

    /** {@code text/x-diff} → {@code text/x-diff+zstd}; parameters stay after the suffix. */
    static String compressedType(String mimeType) {
        int semicolon = mimeType.indexOf(';');
        return semicolon < 0 ? mimeType + SUFFIX
                : mimeType.substring(0, semicolon).trim() + SUFFIX + mimeType.substring(semicolon);
    }

    static boolean isCompressedType(String mimeType) {
        int semicolon = mimeType.indexOf(';');
        String base = semicolon < 0 ? mimeType : mimeType.substring(0, semicolon);
        return base.trim().endsWith(SUFFIX);
    }

    /** The document type behind a {@code +zstd} type. */
    static String plainType(String mimeType) {
        if (!isCompressedType(mimeType)) {
            return mimeType;
        }
        int semicolon = mimeType.indexOf(';');
        String base = semicolon < 0 ? mimeType : mimeType.substring(0, semicolon).trim();
        String plain = base.substring(0, base.length() - SUFFIX.length());
        return semicolon < 0 ? plain : plain + mimeType.substring(semicolon);
    }
}
