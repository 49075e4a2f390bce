package org.mxagent.crypto.olm.impl;

import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.OutboundGroupSession;

/** {@link OutboundGroupSession} over {@code OlmOutboundGroupSession}. */
final class LibolmOutboundGroupSession extends NativeObject implements OutboundGroupSession {

    private LibolmOutboundGroupSession(Libolm olm) {
        super(olm, olm.lib()::olm_outbound_group_session_size, olm.lib()::olm_outbound_group_session,
                olm.lib()::olm_clear_outbound_group_session);
    }

    static LibolmOutboundGroupSession create(Libolm olm) {
        LibolmOutboundGroupSession session = new LibolmOutboundGroupSession(olm);
        try (Secret random = Secret.random(olm, olm.lib().olm_init_outbound_group_session_random_length(session.ptr))) {
            session.checkInternal(olm.lib().olm_init_outbound_group_session(session.ptr, random.pointer(),
                    random.length()), "olm_init_outbound_group_session");
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    static LibolmOutboundGroupSession unpickle(Libolm olm, String pickle, byte[] pickleKey) throws OlmException {
        byte[] pickled = ascii(pickle, "pickle");
        LibolmOutboundGroupSession session = new LibolmOutboundGroupSession(olm);
        try (Secret key = pickleKey(pickleKey)) {
            session.check(olm.lib().olm_unpickle_outbound_group_session(session.ptr, key.pointer(), key.length(),
                    pickled, pickled.length), "olm_unpickle_outbound_group_session");
            return session;
        } catch (OlmException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    String lastError() {
        return lib.olm_outbound_group_session_last_error(ptr);
    }

    @Override
    int lastErrorCode() {
        return lib.olm_outbound_group_session_last_error_code(ptr);
    }

    @Override
    public synchronized String sessionId() {
        ensureOpen();
        byte[] out = new byte[Math.toIntExact(lib.olm_outbound_group_session_id_length(ptr))];
        return ascii(out, checkInternal(lib.olm_outbound_group_session_id(ptr, out, out.length),
                "olm_outbound_group_session_id"));
    }

    @Override
    public synchronized String sessionKey() {
        ensureOpen();
        byte[] out = new byte[Math.toIntExact(lib.olm_outbound_group_session_key_length(ptr))];
        return ascii(out, checkInternal(lib.olm_outbound_group_session_key(ptr, out, out.length),
                "olm_outbound_group_session_key"));
    }

    @Override
    public synchronized long messageIndex() {
        ensureOpen();
        return Integer.toUnsignedLong(lib.olm_outbound_group_session_message_index(ptr));
    }

    @Override
    public synchronized String encrypt(byte[] plaintext) {
        ensureOpen();
        byte[] out = new byte[Math.toIntExact(lib.olm_group_encrypt_message_length(ptr, plaintext.length))];
        return ascii(out, checkInternal(lib.olm_group_encrypt(ptr, plaintext, plaintext.length, out, out.length),
                "olm_group_encrypt"));
    }

    @Override
    public synchronized String pickle(byte[] pickleKey) {
        ensureOpen();
        try (Secret key = pickleKey(pickleKey)) {
            byte[] out = new byte[Math.toIntExact(lib.olm_pickle_outbound_group_session_length(ptr))];
            return ascii(out, checkInternal(lib.olm_pickle_outbound_group_session(ptr, key.pointer(), key.length(),
                    out, out.length), "olm_pickle_outbound_group_session"));
        }
    }
}
