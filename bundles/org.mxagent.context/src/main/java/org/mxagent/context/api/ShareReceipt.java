package org.mxagent.context.api;

/**
 * A share this runtime sent. {@code sizeBytes} and {@code sha256} (unpadded base64) describe the raw content;
 * {@code mimeType} is as published ({@code +zstd} for media); {@code mxcUri} is null for inline shares;
 * {@code signingKeyId} is the key that signed the share.
 */
public record ShareReceipt(String contextId, String roomId, String eventId, String name, String mimeType,
        long sizeBytes, String sha256, Storage storage, String mxcUri, String signingKeyId) {}
