package org.mxagent.crypto.olm.impl;

import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.PkDecryption;
import org.mxagent.crypto.spi.PkMessage;

/** {@link PkDecryption} over {@code OlmPkDecryption}. */
final class LibolmPkDecryption extends NativeObject implements PkDecryption {
    private String publicKey;

    private LibolmPkDecryption(Libolm olm) {
        super(olm, olm.lib()::olm_pk_decryption_size, olm.lib()::olm_pk_decryption,
                olm.lib()::olm_clear_pk_decryption);
    }

    static LibolmPkDecryption generate(Libolm olm) {
        try (Secret privateKey = Secret.random(olm, olm.lib().olm_pk_private_key_length())) {
            return fromPrivate(olm, privateKey);
        } catch (OlmException e) {
            throw new IllegalStateException("libolm refused a private key of the length it asked for", e);
        }
    }

    static LibolmPkDecryption fromPrivateKey(Libolm olm, byte[] privateKey) throws OlmException {
        try (Secret key = Secret.copyOf(privateKey)) {
            return fromPrivate(olm, key);
        }
    }

    private static LibolmPkDecryption fromPrivate(Libolm olm, Secret privateKey) throws OlmException {
        LibolmPkDecryption decryption = new LibolmPkDecryption(olm);
        try {
            byte[] pubkey = new byte[Math.toIntExact(olm.lib().olm_pk_key_length())];
            decryption.check(olm.lib().olm_pk_key_from_private(decryption.ptr, pubkey, pubkey.length,
                    privateKey.pointer(), privateKey.length()), "olm_pk_key_from_private");
            decryption.publicKey = ascii(pubkey, pubkey.length);
            return decryption;
        } catch (OlmException | RuntimeException e) {
            decryption.close();
            throw e;
        }
    }

    static LibolmPkDecryption unpickle(Libolm olm, String pickle, byte[] pickleKey) throws OlmException {
        byte[] pickled = ascii(pickle, "pickle");
        LibolmPkDecryption decryption = new LibolmPkDecryption(olm);
        try (Secret key = pickleKey(pickleKey)) {
            byte[] pubkey = new byte[Math.toIntExact(olm.lib().olm_pk_key_length())];
            decryption.check(olm.lib().olm_unpickle_pk_decryption(decryption.ptr, key.pointer(), key.length(),
                    pickled, pickled.length, pubkey, pubkey.length), "olm_unpickle_pk_decryption");
            decryption.publicKey = ascii(pubkey, pubkey.length);
            return decryption;
        } catch (OlmException | RuntimeException e) {
            decryption.close();
            throw e;
        }
    }

    @Override
    String lastError() {
        return lib.olm_pk_decryption_last_error(ptr);
    }

    @Override
    int lastErrorCode() {
        return lib.olm_pk_decryption_last_error_code(ptr);
    }

    @Override
    public synchronized String publicKey() {
        ensureOpen();
        return publicKey;
    }

    @Override
    public synchronized byte[] privateKey() {
        ensureOpen();
        try (Secret out = Secret.allocate(lib.olm_pk_private_key_length())) {
            long length = checkInternal(lib.olm_pk_get_private_key(ptr, out.pointer(), out.length()),
                    "olm_pk_get_private_key");
            return out.read(Math.toIntExact(length));
        }
    }

    @Override
    public synchronized byte[] decrypt(PkMessage message) throws OlmException {
        ensureOpen();
        byte[] ephemeralKey = ascii(message.ephemeralKey(), "ephemeralKey");
        byte[] mac = ascii(message.mac(), "mac");
        byte[] ciphertext = ascii(message.ciphertext(), "ciphertext");
        byte[] plaintext = new byte[Math.toIntExact(lib.olm_pk_max_plaintext_length(ptr, ciphertext.length))];
        long length = check(lib.olm_pk_decrypt(ptr, ephemeralKey, ephemeralKey.length, mac, mac.length, ciphertext,
                ciphertext.length, plaintext, plaintext.length), "olm_pk_decrypt");
        return take(plaintext, length);
    }

    @Override
    public synchronized String pickle(byte[] pickleKey) {
        ensureOpen();
        try (Secret key = pickleKey(pickleKey)) {
            byte[] out = new byte[Math.toIntExact(lib.olm_pickle_pk_decryption_length(ptr))];
            return ascii(out, checkInternal(lib.olm_pickle_pk_decryption(ptr, key.pointer(), key.length(), out,
                    out.length), "olm_pickle_pk_decryption"));
        }
    }
}
