package org.mxagent.crypto.olm.impl;

import org.mxagent.crypto.spi.GroupDecryption;
import org.mxagent.crypto.spi.InboundGroupSession;
import org.mxagent.crypto.spi.OlmException;

/** {@link InboundGroupSession} over {@code OlmInboundGroupSession}. */
final class LibolmInboundGroupSession extends NativeObject implements InboundGroupSession {

    private LibolmInboundGroupSession(Libolm olm) {
        super(olm, olm.lib()::olm_inbound_group_session_size, olm.lib()::olm_inbound_group_session,
                olm.lib()::olm_clear_inbound_group_session);
    }

    /** From a signed session key ({@code imported} false) or an exported one ({@code imported} true). */
    static LibolmInboundGroupSession create(Libolm olm, String sessionKey, boolean imported) throws OlmException {
        byte[] key = ascii(sessionKey, "sessionKey");
        LibolmInboundGroupSession session = new LibolmInboundGroupSession(olm);
        try {
            if (imported) {
                session.check(olm.lib().olm_import_inbound_group_session(session.ptr, key, key.length),
                        "olm_import_inbound_group_session");
            } else {
                session.check(olm.lib().olm_init_inbound_group_session(session.ptr, key, key.length),
                        "olm_init_inbound_group_session");
            }
            return session;
        } catch (OlmException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    static LibolmInboundGroupSession unpickle(Libolm olm, String pickle, byte[] pickleKey) throws OlmException {
        byte[] pickled = ascii(pickle, "pickle");
        LibolmInboundGroupSession session = new LibolmInboundGroupSession(olm);
        try (Secret key = pickleKey(pickleKey)) {
            session.check(olm.lib().olm_unpickle_inbound_group_session(session.ptr, key.pointer(), key.length(),
                    pickled, pickled.length), "olm_unpickle_inbound_group_session");
            return session;
        } catch (OlmException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    String lastError() {
        return lib.olm_inbound_group_session_last_error(ptr);
    }

    @Override
    int lastErrorCode() {
        return lib.olm_inbound_group_session_last_error_code(ptr);
    }

    @Override
    public synchronized String sessionId() {
        ensureOpen();
        byte[] out = new byte[Math.toIntExact(lib.olm_inbound_group_session_id_length(ptr))];
        return ascii(out, checkInternal(lib.olm_inbound_group_session_id(ptr, out, out.length),
                "olm_inbound_group_session_id"));
    }

    @Override
    public synchronized long firstKnownIndex() {
        ensureOpen();
        return Integer.toUnsignedLong(lib.olm_inbound_group_session_first_known_index(ptr));
    }

    @Override
    public synchronized boolean isVerified() {
        ensureOpen();
        return lib.olm_inbound_group_session_is_verified(ptr) != 0;
    }

    @Override
    public synchronized GroupDecryption decrypt(String ciphertext) throws OlmException {
        ensureOpen();
        byte[] message = ascii(ciphertext, "ciphertext");
        // The plaintext is shorter than the base64-decoded message, so 3/4 of the base64 length (rounded up)
        // always suffices; this spares olm_group_decrypt_max_plaintext_length, which would decode the
        // message a second time.
        byte[] plaintext = new byte[message.length / 4 * 3 + 3];
        int[] index = new int[1];
        long length = check(lib.olm_group_decrypt(ptr, message, message.length, plaintext, plaintext.length, index),
                "olm_group_decrypt");
        return new GroupDecryption(take(plaintext, length), Integer.toUnsignedLong(index[0]));
    }

    @Override
    public synchronized String export(long messageIndex) throws OlmException {
        if (messageIndex < 0 || messageIndex > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("message index out of uint32 range: " + messageIndex);
        }
        ensureOpen();
        byte[] out = new byte[Math.toIntExact(lib.olm_export_inbound_group_session_length(ptr))];
        return ascii(out, check(lib.olm_export_inbound_group_session(ptr, out, out.length, (int) messageIndex),
                "olm_export_inbound_group_session"));
    }

    @Override
    public synchronized String pickle(byte[] pickleKey) {
        ensureOpen();
        try (Secret key = pickleKey(pickleKey)) {
            byte[] out = new byte[Math.toIntExact(lib.olm_pickle_inbound_group_session_length(ptr))];
            return ascii(out, checkInternal(lib.olm_pickle_inbound_group_session(ptr, key.pointer(), key.length(),
                    out, out.length), "olm_pickle_inbound_group_session"));
        }
    }
}
