package org.mxagent.crypto.olm.impl;

import java.nio.charset.StandardCharsets;
import org.mxagent.crypto.spi.Account;
import org.mxagent.crypto.spi.OlmException;
import org.mxagent.crypto.spi.OlmMessage;
import org.mxagent.crypto.spi.OlmSession;

/** {@link OlmSession} over {@code OlmSession}. */
final class LibolmSession extends NativeObject implements OlmSession {
    /** libolm documents 600 bytes as always enough for {@code olm_session_describe}. */
    private static final int DESCRIBE_BUFFER = 600;

    private LibolmSession(Libolm olm) {
        super(olm, olm.lib()::olm_session_size, olm.lib()::olm_session, olm.lib()::olm_clear_session);
    }

    static LibolmSession outbound(Libolm olm, Account account, String theirIdentityKey, String theirOneTimeKey)
            throws OlmException {
        LibolmAccount owner = own(account, LibolmAccount.class);
        byte[] identityKey = ascii(theirIdentityKey, "theirIdentityKey");
        byte[] oneTimeKey = ascii(theirOneTimeKey, "theirOneTimeKey");
        LibolmSession session = new LibolmSession(olm);
        try {
            synchronized (owner) {
                owner.ensureOpen();
                try (Secret random = Secret.random(olm,
                        olm.lib().olm_create_outbound_session_random_length(session.ptr))) {
                    session.check(olm.lib().olm_create_outbound_session(session.ptr, owner.ptr, identityKey,
                            identityKey.length, oneTimeKey, oneTimeKey.length, random.pointer(), random.length()),
                            "olm_create_outbound_session");
                }
            }
            return session;
        } catch (OlmException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** An inbound session; {@code theirIdentityKey} null for {@code olm_create_inbound_session}. */
    static LibolmSession inbound(Libolm olm, Account account, String theirIdentityKey, String preKeyMessage)
            throws OlmException {
        LibolmAccount owner = own(account, LibolmAccount.class);
        byte[] message = ascii(preKeyMessage, "preKeyMessage");
        byte[] identityKey = theirIdentityKey == null ? null : ascii(theirIdentityKey, "theirIdentityKey");
        LibolmSession session = new LibolmSession(olm);
        try {
            synchronized (owner) {
                owner.ensureOpen();
                if (identityKey == null) {
                    session.check(olm.lib().olm_create_inbound_session(session.ptr, owner.ptr, message,
                            message.length), "olm_create_inbound_session");
                } else {
                    session.check(olm.lib().olm_create_inbound_session_from(session.ptr, owner.ptr, identityKey,
                            identityKey.length, message, message.length), "olm_create_inbound_session_from");
                }
            }
            return session;
        } catch (OlmException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    static LibolmSession unpickle(Libolm olm, String pickle, byte[] pickleKey) throws OlmException {
        byte[] pickled = ascii(pickle, "pickle");
        LibolmSession session = new LibolmSession(olm);
        try (Secret key = pickleKey(pickleKey)) {
            session.check(olm.lib().olm_unpickle_session(session.ptr, key.pointer(), key.length(), pickled,
                    pickled.length), "olm_unpickle_session");
            return session;
        } catch (OlmException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    String lastError() {
        return lib.olm_session_last_error(ptr);
    }

    @Override
    int lastErrorCode() {
        return lib.olm_session_last_error_code(ptr);
    }

    @Override
    public synchronized String sessionId() {
        ensureOpen();
        byte[] out = new byte[Math.toIntExact(lib.olm_session_id_length(ptr))];
        return ascii(out, checkInternal(lib.olm_session_id(ptr, out, out.length), "olm_session_id"));
    }

    @Override
    public synchronized boolean hasReceivedMessage() {
        ensureOpen();
        return lib.olm_session_has_received_message(ptr) != 0;
    }

    @Override
    public synchronized boolean matchesInbound(String preKeyMessage) throws OlmException {
        ensureOpen();
        byte[] message = ascii(preKeyMessage, "preKeyMessage");
        return check(lib.olm_matches_inbound_session(ptr, message, message.length),
                "olm_matches_inbound_session") == 1;
    }

    @Override
    public synchronized boolean matchesInboundFrom(String theirIdentityKey, String preKeyMessage)
            throws OlmException {
        ensureOpen();
        byte[] identityKey = ascii(theirIdentityKey, "theirIdentityKey");
        byte[] message = ascii(preKeyMessage, "preKeyMessage");
        return check(lib.olm_matches_inbound_session_from(ptr, identityKey, identityKey.length, message,
                message.length), "olm_matches_inbound_session_from") == 1;
    }

    @Override
    public synchronized OlmMessage encrypt(byte[] plaintext) {
        ensureOpen();
        int type = Math.toIntExact(checkInternal(lib.olm_encrypt_message_type(ptr), "olm_encrypt_message_type"));
        byte[] out = new byte[Math.toIntExact(lib.olm_encrypt_message_length(ptr, plaintext.length))];
        try (Secret random = Secret.random(olm, lib.olm_encrypt_random_length(ptr))) {
            long length = checkInternal(lib.olm_encrypt(ptr, plaintext, plaintext.length, random.pointer(),
                    random.length(), out, out.length), "olm_encrypt");
            return new OlmMessage(type, ascii(out, length));
        }
    }

    @Override
    public synchronized byte[] decrypt(OlmMessage message) throws OlmException {
        ensureOpen();
        // Both calls decode the base64 in place, so each gets its own copy.
        byte[] forLength = ascii(message.body(), "body");
        long max = check(lib.olm_decrypt_max_plaintext_length(ptr, message.type(), forLength, forLength.length),
                "olm_decrypt_max_plaintext_length");
        byte[] body = message.body().getBytes(StandardCharsets.US_ASCII);
        byte[] plaintext = new byte[Math.toIntExact(max)];
        long length = check(lib.olm_decrypt(ptr, message.type(), body, body.length, plaintext, plaintext.length),
                "olm_decrypt");
        return take(plaintext, length);
    }

    @Override
    public synchronized String describe() {
        ensureOpen();
        byte[] out = new byte[DESCRIBE_BUFFER];
        lib.olm_session_describe(ptr, out, out.length);
        int end = 0;
        while (end < out.length && out[end] != 0) {
            end++;
        }
        return ascii(out, end);
    }

    @Override
    public synchronized String pickle(byte[] pickleKey) {
        ensureOpen();
        try (Secret key = pickleKey(pickleKey)) {
            byte[] out = new byte[Math.toIntExact(lib.olm_pickle_session_length(ptr))];
            return ascii(out, checkInternal(lib.olm_pickle_session(ptr, key.pointer(), key.length(), out,
                    out.length), "olm_pickle_session"));
        }
    }
}
