package org.mxagent.bench.olm;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The floor: the few libolm functions a Megolm round trip needs, declared here independently of the binding
 * (same JNA mapping style: {@code Native.load}, {@code size_t} as {@code long}, {@code byte[]} buffers).
 */
interface RawOlm extends Library {
    RawOlm LIB = Native.load("olm", RawOlm.class);

    long olm_error();

    long olm_outbound_group_session_size();

    Pointer olm_outbound_group_session(Pointer memory);

    long olm_init_outbound_group_session_random_length(Pointer session);

    long olm_init_outbound_group_session(Pointer session, byte[] random, long randomLength);

    long olm_outbound_group_session_key_length(Pointer session);

    long olm_outbound_group_session_key(Pointer session, byte[] key, long keyLength);

    long olm_group_encrypt_message_length(Pointer session, long plaintextLength);

    long olm_group_encrypt(Pointer session, byte[] plaintext, long plaintextLength, byte[] message,
            long messageLength);

    long olm_clear_outbound_group_session(Pointer session);

    long olm_inbound_group_session_size();

    Pointer olm_inbound_group_session(Pointer memory);

    long olm_init_inbound_group_session(Pointer session, byte[] sessionKey, long sessionKeyLength);

    long olm_group_decrypt(Pointer session, byte[] message, long messageLength, byte[] plaintext,
            long maxPlaintextLength, int[] messageIndex);

    long olm_clear_inbound_group_session(Pointer session);
}
