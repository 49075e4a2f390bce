package org.mxagent.crypto.olm.impl;

import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.Utility;

/** {@link Utility} over {@code OlmUtility}. */
final class LibolmUtility extends NativeObject implements Utility {

    LibolmUtility(Libolm olm) {
        super(olm, olm.lib()::olm_utility_size, olm.lib()::olm_utility, olm.lib()::olm_clear_utility);
    }

    @Override
    String lastError() {
        return lib.olm_utility_last_error(ptr);
    }

    @Override
    int lastErrorCode() {
        return lib.olm_utility_last_error_code(ptr);
    }

    @Override
    public synchronized String sha256(byte[] input) {
        ensureOpen();
        byte[] out = new byte[Math.toIntExact(lib.olm_sha256_length(ptr))];
        return ascii(out, checkInternal(lib.olm_sha256(ptr, input, input.length, out, out.length), "olm_sha256"));
    }

    @Override
    public synchronized void verifyEd25519(String publicKey, byte[] message, String signature) throws OlmException {
        ensureOpen();
        byte[] key = ascii(publicKey, "publicKey");
        byte[] sig = ascii(signature, "signature");
        check(lib.olm_ed25519_verify(ptr, key, key.length, message, message.length, sig, sig.length),
                "olm_ed25519_verify");
    }
}
