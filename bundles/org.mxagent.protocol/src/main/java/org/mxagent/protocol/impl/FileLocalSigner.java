package org.mxagent.protocol.impl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mxagent.protocol.api.CanonicalJsonException;
import org.mxagent.protocol.api.sign.EventSigner;
import org.mxagent.protocol.api.sign.LocalSigner;
import org.mxagent.protocol.api.sign.SigningKey;
import org.mxagent.runtime.api.RuntimeDirectories;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The runtime's signing key from {@code <data_dir>/signing_key.ed25519}, created (0600) on first start. A key
 * file that is unreadable, the wrong size or open to group/others fails activation loudly rather than being
 * replaced: a new key would silently break every peer's trust in this runtime.
 */
@Component(service = LocalSigner.class)
public final class FileLocalSigner implements LocalSigner {
    private final SigningKey key;

    @Activate
    public FileLocalSigner(@Reference RuntimeDirectories directories,
            @Reference(service = LoggerFactory.class) Logger log) throws IOException {
        Path file = directories.dataDir().resolve(SigningKey.FILE_NAME);
        boolean existed = Files.exists(file);
        this.key = SigningKey.loadOrGenerate(file);
        log.info("{} signing key {} ({})", existed ? "loaded" : "created", key.keyId(), file);
    }

    /** For tests outside OSGi. */
    FileLocalSigner(SigningKey key) {
        this.key = key;
    }

    @Override
    public String keyId() {
        return key.keyId();
    }

    @Override
    public String publicKeyBase64() {
        return key.publicKeyBase64();
    }

    @Override
    public String fingerprint() {
        return key.fingerprint();
    }

    @Override
    public ObjectNode sign(ObjectNode content) throws CanonicalJsonException {
        return EventSigner.sign(content, key);
    }

    @Override
    public String toString() {
        return "LocalSigner[" + key.keyId() + "]";
    }
}
