package org.mxagent.transport.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * Media uploaded for a room: its {@code mxc://} URI and, in an end-to-end encrypted room, the Matrix
 * {@code EncryptedFile} object (key, iv, ciphertext hash) that lets a reader decrypt it. The EncryptedFile holds the
 * key, so it may only travel inside an encrypted event.
 */
public record MediaAttachment(String mxcUri, Optional<ObjectNode> encryptedFile) {
    public MediaAttachment {
        Objects.requireNonNull(mxcUri, "mxcUri");
        Objects.requireNonNull(encryptedFile, "encryptedFile");
    }
}
