package org.mxagent.crypto.olm.impl;

import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.PkSigning;

/** {@link PkSigning} over {@code OlmPkSigning}. */
final class LibolmPkSigning extends NativeObject implements PkSigning {
    private String publicKey;

    private LibolmPkSigning(Libolm olm) {
        super(olm, olm.lib()::olm_pk_signing_size, olm.lib()::olm_pk_signing, olm.lib()::olm_clear_pk_signing);
    }

    static LibolmPkSigning fromSeed(Libolm olm, byte[] seed) throws OlmException {
        LibolmPkSigning signing = new LibolmPkSigning(olm);
        try (Secret secret = Secret.copyOf(seed)) {
            byte[] pubkey = new byte[Math.toIntExact(olm.lib().olm_pk_signing_public_key_length())];
            signing.check(olm.lib().olm_pk_signing_key_from_seed(signing.ptr, pubkey, pubkey.length,
                    secret.pointer(), secret.length()), "olm_pk_signing_key_from_seed");
            signing.publicKey = ascii(pubkey, pubkey.length);
            return signing;
        } catch (OlmException | RuntimeException e) {
            signing.close();
            throw e;
        }
    }

    static int seedLength(Libolm olm) {
        return Math.toIntExact(olm.lib().olm_pk_signing_seed_length());
    }

    @Override
    String lastError() {
        return lib.olm_pk_signing_last_error(ptr);
    }

    @Override
    int lastErrorCode() {
        return lib.olm_pk_signing_last_error_code(ptr);
    }

    @Override
    public synchronized String publicKey() {
        ensureOpen();
        return publicKey;
    }

    @Override
    public synchronized String sign(byte[] message) {
        ensureOpen();
        byte[] signature = new byte[Math.toIntExact(lib.olm_pk_signature_length())];
        checkInternal(lib.olm_pk_sign(ptr, message, message.length, signature, signature.length), "olm_pk_sign");
        return ascii(signature, signature.length);
    }
}
