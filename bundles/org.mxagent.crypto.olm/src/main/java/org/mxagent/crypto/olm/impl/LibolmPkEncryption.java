package org.mxagent.crypto.olm.impl;

import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.PkEncryption;
import org.mxagent.crypto.spi.PkMessage;

/** {@link PkEncryption} over {@code OlmPkEncryption}. */
final class LibolmPkEncryption extends NativeObject implements PkEncryption {

    private LibolmPkEncryption(Libolm olm) {
        super(olm, olm.lib()::olm_pk_encryption_size, olm.lib()::olm_pk_encryption,
                olm.lib()::olm_clear_pk_encryption);
    }

    static LibolmPkEncryption create(Libolm olm, String recipientPublicKey) throws OlmException {
        byte[] key = ascii(recipientPublicKey, "recipientPublicKey");
        LibolmPkEncryption encryption = new LibolmPkEncryption(olm);
        try {
            encryption.check(olm.lib().olm_pk_encryption_set_recipient_key(encryption.ptr, key, key.length),
                    "olm_pk_encryption_set_recipient_key");
            return encryption;
        } catch (OlmException | RuntimeException e) {
            encryption.close();
            throw e;
        }
    }

    @Override
    String lastError() {
        return lib.olm_pk_encryption_last_error(ptr);
    }

    @Override
    int lastErrorCode() {
        return lib.olm_pk_encryption_last_error_code(ptr);
    }

    @Override
    public synchronized PkMessage encrypt(byte[] plaintext) {
        ensureOpen();
        byte[] ciphertext = new byte[Math.toIntExact(lib.olm_pk_ciphertext_length(ptr, plaintext.length))];
        byte[] mac = new byte[Math.toIntExact(lib.olm_pk_mac_length(ptr))];
        byte[] ephemeralKey = new byte[Math.toIntExact(lib.olm_pk_key_length())];
        try (Secret random = Secret.random(olm, lib.olm_pk_encrypt_random_length(ptr))) {
            checkInternal(lib.olm_pk_encrypt(ptr, plaintext, plaintext.length, ciphertext, ciphertext.length, mac,
                    mac.length, ephemeralKey, ephemeralKey.length, random.pointer(), random.length()),
                    "olm_pk_encrypt");
        }
        return new PkMessage(ascii(ciphertext, ciphertext.length), ascii(mac, mac.length),
                ascii(ephemeralKey, ephemeralKey.length));
    }
}
