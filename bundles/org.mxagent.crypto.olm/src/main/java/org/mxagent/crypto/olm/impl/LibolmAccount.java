package org.mxagent.crypto.olm.impl;

import org.mxagent.crypto.spi.Account;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.OlmSession;

/** {@link Account} over {@code OlmAccount}. */
final class LibolmAccount extends NativeObject implements Account {

    private LibolmAccount(Libolm olm) {
        super(olm, olm.lib()::olm_account_size, olm.lib()::olm_account, olm.lib()::olm_clear_account);
    }

    static LibolmAccount create(Libolm olm) {
        LibolmAccount account = new LibolmAccount(olm);
        try (Secret random = Secret.random(olm, olm.lib().olm_create_account_random_length(account.ptr))) {
            account.checkInternal(olm.lib().olm_create_account(account.ptr, random.pointer(), random.length()),
                    "olm_create_account");
            return account;
        } catch (RuntimeException e) {
            account.close();
            throw e;
        }
    }

    static LibolmAccount unpickle(Libolm olm, String pickle, byte[] pickleKey) throws OlmException {
        byte[] pickled = ascii(pickle, "pickle");
        LibolmAccount account = new LibolmAccount(olm);
        try (Secret key = pickleKey(pickleKey)) {
            account.check(olm.lib().olm_unpickle_account(account.ptr, key.pointer(), key.length(), pickled,
                    pickled.length), "olm_unpickle_account");
            return account;
        } catch (OlmException | RuntimeException e) {
            account.close();
            throw e;
        }
    }

    @Override
    String lastError() {
        return lib.olm_account_last_error(ptr);
    }

    @Override
    int lastErrorCode() {
        return lib.olm_account_last_error_code(ptr);
    }

    @Override
    public synchronized String identityKeys() {
        ensureOpen();
        byte[] out = new byte[Math.toIntExact(lib.olm_account_identity_keys_length(ptr))];
        return ascii(out, checkInternal(lib.olm_account_identity_keys(ptr, out, out.length),
                "olm_account_identity_keys"));
    }

    @Override
    public synchronized String sign(byte[] message) {
        ensureOpen();
        byte[] signature = new byte[Math.toIntExact(lib.olm_account_signature_length(ptr))];
        return ascii(signature, checkInternal(lib.olm_account_sign(ptr, message, message.length, signature,
                signature.length), "olm_account_sign"));
    }

    @Override
    public synchronized String oneTimeKeys() {
        ensureOpen();
        byte[] out = new byte[Math.toIntExact(lib.olm_account_one_time_keys_length(ptr))];
        return ascii(out, checkInternal(lib.olm_account_one_time_keys(ptr, out, out.length),
                "olm_account_one_time_keys"));
    }

    @Override
    public synchronized void generateOneTimeKeys(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative one-time key count: " + count);
        }
        ensureOpen();
        try (Secret random = Secret.random(olm, lib.olm_account_generate_one_time_keys_random_length(ptr, count))) {
            checkInternal(lib.olm_account_generate_one_time_keys(ptr, count, random.pointer(), random.length()),
                    "olm_account_generate_one_time_keys");
        }
    }

    @Override
    public synchronized int markKeysAsPublished() {
        ensureOpen();
        return Math.toIntExact(checkInternal(lib.olm_account_mark_keys_as_published(ptr),
                "olm_account_mark_keys_as_published"));
    }

    @Override
    public synchronized int maxNumberOfOneTimeKeys() {
        ensureOpen();
        return Math.toIntExact(lib.olm_account_max_number_of_one_time_keys(ptr));
    }

    @Override
    public synchronized void generateFallbackKey() {
        ensureOpen();
        try (Secret random = Secret.random(olm, lib.olm_account_generate_fallback_key_random_length(ptr))) {
            checkInternal(lib.olm_account_generate_fallback_key(ptr, random.pointer(), random.length()),
                    "olm_account_generate_fallback_key");
        }
    }

    @Override
    public synchronized String unpublishedFallbackKey() {
        ensureOpen();
        byte[] out = new byte[Math.toIntExact(lib.olm_account_unpublished_fallback_key_length(ptr))];
        return ascii(out, checkInternal(lib.olm_account_unpublished_fallback_key(ptr, out, out.length),
                "olm_account_unpublished_fallback_key"));
    }

    @Override
    public synchronized void forgetOldFallbackKey() {
        ensureOpen();
        lib.olm_account_forget_old_fallback_key(ptr);
    }

    @Override
    public synchronized void removeOneTimeKeys(OlmSession session) throws OlmException {
        ensureOpen();
        LibolmSession own = own(session, LibolmSession.class);
        synchronized (own) {
            own.ensureOpen();
            check(lib.olm_remove_one_time_keys(ptr, own.ptr), "olm_remove_one_time_keys");
        }
    }

    @Override
    public synchronized String pickle(byte[] pickleKey) {
        ensureOpen();
        try (Secret key = pickleKey(pickleKey)) {
            byte[] out = new byte[Math.toIntExact(lib.olm_pickle_account_length(ptr))];
            return ascii(out, checkInternal(lib.olm_pickle_account(ptr, key.pointer(), key.length(), out,
                    out.length), "olm_pickle_account"));
        }
    }
}
